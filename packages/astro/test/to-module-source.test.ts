import { describe, expect, it } from 'vitest'
import { toModuleSource } from '../src/to-module-source.ts'

/** Evaluates module source as an expression. */
const evaluate = (source: string): unknown => new Function(`return (${source})`)()

describe('toModuleSource', () => {
  it.each([
    ['routes', { routes: { '/api': 'http://127.0.0.1:8080' }, logLevel: 'debug' }],
    ['arrays and numbers', { routes: [{ path: '/a', target: 'http://x', timeout: 5000, ws: false }] }],
    ['null', { inspector: null }],
  ])('writes %s as data that evaluates to the same value', (_name, value) => {
    expect(evaluate(toModuleSource(value, () => {}))).toEqual(value)
  })

  it('keeps a RegExp with its source and flags', () => {
    const value = evaluate(toModuleSource({ path: /^\/v\d+\//i }, () => {})) as { path: RegExp }
    expect(value.path).toBeInstanceOf(RegExp)
    expect(value.path.source).toBe('^\\/v\\d+\\/')
    expect(value.path.flags).toBe('i')
  })

  it('leaves functions out, telling where each one was', () => {
    const seen: string[] = []
    const source = toModuleSource(
      { routes: { '/api': { target: 'http://x', headers: () => ({}) } }, list: [() => 1] },
      (path) => seen.push(path),
    )
    expect(seen).toEqual(['routes./api.headers', 'list[0]'])
    expect(evaluate(source)).toEqual({ routes: { '/api': { target: 'http://x' } }, list: [undefined] })
  })
})
