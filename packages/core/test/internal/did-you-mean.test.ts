import { describe, expect, it } from 'vitest'
import { didYouMean } from '../../src/internal/did-you-mean.ts'
import { ROUTE_OPTION_KEYS } from '../../src/rules/route-option-keys.ts'

describe('didYouMean', () => {
  it.each([
    ['changeOrgin', 'changeOrigin'],
    ['changeorigin', 'changeOrigin'],
    ['ChangeOrigin', 'changeOrigin'],
    ['taregt', 'target'],
    ['traget', 'target'],
    ['header', 'headers'],
    ['method', 'methods'],
    ['cookie', 'cookies'],
    ['redirect', 'redirects'],
    ['wss', 'ws'],
    ['timout', 'timeout'],
    ['conectTimeout', 'connectTimeout'],
    ['responseHeader', 'responseHeaders'],
    ['matchHeader', 'matchHeaders'],
    ['foo', undefined],
    ['host', undefined],
    ['a', undefined],
    ['WS', 'ws'],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(didYouMean(input, ROUTE_OPTION_KEYS)).toBe(expected)
  })
})
