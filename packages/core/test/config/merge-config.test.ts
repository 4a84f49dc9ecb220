import { describe, expect, it } from 'vitest'
import { mergeConfig } from '../../src/config/merge-config.ts'
import type { UserConfig } from '../../src/types.ts'

describe('mergeConfig', () => {
  it('keeps file keys the inline config does not set, and replaces those it does', () => {
    const file: UserConfig = { logLevel: 'debug', routes: { '/api': 'http://file' } }
    expect(mergeConfig(file, { logLevel: 'warn' })).toEqual({
      logLevel: 'warn',
      routes: { '/api': 'http://file' },
    })
    expect(mergeConfig(file, { logLevel: undefined })).toEqual(file)
  })

  it('merges object routes per key: same key in place, inline-only keys first', () => {
    const file: UserConfig = { routes: { '/api/auth': 'http://auth', '/api': 'http://file' } }
    const inline: UserConfig = {
      routes: { '/api': { target: 'http://inline', ws: false }, '/graphql': 'http://gql' },
    }
    const merged = mergeConfig(file, inline)
    expect(merged.routes).toEqual({
      '/graphql': 'http://gql',
      '/api/auth': 'http://auth',
      '/api': { target: 'http://inline', ws: false },
    })
    expect(Object.keys(merged.routes!)).toEqual(['/graphql', '/api/auth', '/api'])
  })

  it('merges array routes by path, RegExp and path lists included', () => {
    const file: UserConfig = {
      routes: [
        { path: /^\/v\d/, target: 'http://regexp-file' },
        { path: ['/a', '/b'], target: 'http://list-file' },
        { path: '/api', target: 'http://file' },
      ],
    }
    const inline: UserConfig = {
      routes: [
        { path: /^\/v\d/, target: 'http://regexp-inline' },
        { path: ['/a', '/b'], target: 'http://list-inline' },
        { path: '/new', target: 'http://new' },
      ],
    }
    expect(mergeConfig(file, inline).routes).toEqual([
      { path: '/new', target: 'http://new' },
      { path: /^\/v\d/, target: 'http://regexp-inline' },
      { path: ['/a', '/b'], target: 'http://list-inline' },
      { path: '/api', target: 'http://file' },
    ])
  })

  it('merges an object form with an array form as entries, reading ^ keys as RegExp', () => {
    const file: UserConfig = {
      routes: { '/api': 'http://file', '^/v\\d': { target: 'http://re', ws: false } },
    }
    const inline: UserConfig = { routes: [{ path: '/api', target: 'http://inline' }] }
    expect(mergeConfig(file, inline).routes).toEqual([
      { path: '/api', target: 'http://inline' },
      { path: /^\/v\d/, target: 'http://re', ws: false },
    ])
  })

  it('leaves malformed routes to validation: inline replaces them as given', () => {
    const file = { routes: 'http://oops' } as unknown as UserConfig
    const inline: UserConfig = { routes: { '/api': 'http://inline' } }
    expect(mergeConfig(file, inline).routes).toEqual({ '/api': 'http://inline' })
    const badInline = { routes: null } as unknown as UserConfig
    expect(mergeConfig({ routes: { '/api': 'http://file' } }, badInline).routes).toBeNull()
  })

  it('never merges entries without a usable path, and keeps both', () => {
    const broken = { target: 'http://no-path' } as never
    const merged = mergeConfig({ routes: [broken] }, { routes: [broken] })
    expect(merged.routes).toHaveLength(2)
  })

  it('does not mutate its inputs', () => {
    const file: UserConfig = Object.freeze({ routes: Object.freeze({ '/api': 'http://file' }) })
    const inline: UserConfig = Object.freeze({ routes: Object.freeze({ '/api': 'http://inline' }) })
    expect(mergeConfig(file, inline).routes).toEqual({ '/api': 'http://inline' })
    expect(file.routes).toEqual({ '/api': 'http://file' })
  })
})
