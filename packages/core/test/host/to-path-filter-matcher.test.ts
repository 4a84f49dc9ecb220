import { describe, expect, it } from 'vitest'
import { toPathFilterMatcher } from '../../src/host/to-path-filter-matcher.ts'

// The old per-adapter copies disagreed on which characters make a glob: webpack's counted
// `* ? [ ] { } ( ) !` anywhere, Rsbuild's also `+` and `@`. http-proxy-middleware asks `is-glob`,
// which reads syntax, not characters: a plain filter is a raw prefix, a glob is tried by its literal part.
describe('toPathFilterMatcher: which filters are globs (is-glob, as http-proxy-middleware decides)', () => {
  it.each([
    // `+` and `@`: globs only as extglobs, before `(` (Rsbuild's copy took every `+` and `@`).
    { filter: '/api+', prefix: '/api+', why: 'a `+` alone is literal' },
    { filter: '/@scope/pkg', prefix: '/@scope/pkg', why: 'a `@` alone is literal' },
    { filter: '/api/+(v1|v2)', prefix: '/api/', why: '`+(` is an extglob' },
    { filter: '/api/@(v1|v2)', prefix: '/api/', why: '`@(` is an extglob' },
    // Characters both copies counted, which is-glob reads as literal where they are no syntax.
    { filter: '/api?', prefix: '/api?', why: 'a `?` after a letter is literal' },
    { filter: '/api(v1)', prefix: '/api(v1)', why: 'parentheses without `|` or `?:` are literal' },
    { filter: '/api!', prefix: '/api!', why: 'a `!` that does not lead is literal' },
    { filter: '/api[', prefix: '/api[', why: 'an unclosed `[` is literal' },
    { filter: '/api{', prefix: '/api{', why: 'an unclosed `{` is literal' },
    // Globs, tried by their literal part.
    { filter: '/api/**', prefix: '/api/', why: 'a globstar' },
    { filter: '/v1/*.json', prefix: '/v1/', why: 'a star' },
    { filter: '/api/?(x)', prefix: '/api/', why: 'a `?(` extglob' },
    { filter: '/api/[ab]', prefix: '/api/', why: 'a class' },
    { filter: '/api/{a,b}', prefix: '/api/', why: 'braces' },
    { filter: '/api/(v1|v2)', prefix: '/api/', why: 'a group with `|`' },
  ])('$filter → prefix $prefix ($why)', ({ filter, prefix }) => {
    const matcher = toPathFilterMatcher(filter)
    expect(matcher.paths).toEqual([prefix])
    expect(matcher.matches(`${prefix}x`)).toBe(true)
    expect(matcher.matches(prefix.slice(0, -1))).toBe(false)
  })

  it('a plain filter is a raw prefix, as http-proxy-middleware matches it: /api takes /apix', () => {
    const matcher = toPathFilterMatcher('/api')
    expect(['/api', '/apix', '/api/users'].map(matcher.matches)).toEqual([true, true, true])
    expect(matcher.matches('/ap')).toBe(false)
  })

  it('the extglob a `+` or `@` copy missed still claims the paths below it', () => {
    // Cutting at `(` alone left `/api/+`, which no request path under /api/v1 starts with.
    expect(toPathFilterMatcher('/api/+(v1|v2)').matches('/api/v1/users')).toBe(true)
    expect(toPathFilterMatcher('/api/@(v1|v2)').matches('/api/v2')).toBe(true)
  })

  it('a `+` or `@` that is literal claims no more than its prefix', () => {
    expect(toPathFilterMatcher('/api+').matches('/apix')).toBe(false)
    expect(toPathFilterMatcher('/@scope/pkg').matches('/other')).toBe(false)
  })
})

describe('toPathFilterMatcher: lists and defaults', () => {
  it('a list of plain paths takes each prefix', () => {
    const matcher = toPathFilterMatcher(['/api', '/auth'])
    expect(matcher.paths).toEqual(['/api', '/auth'])
    expect(['/api/x', '/auth/login', '/legacy'].map(matcher.matches)).toEqual([true, true, false])
  })

  it('negated globs only take paths away: they are left out, and alone they leave every path', () => {
    expect(toPathFilterMatcher(['/api/**', '!**.html']).paths).toEqual(['/api/'])
    const negations = toPathFilterMatcher(['!**.html'])
    expect(negations.paths).toEqual(['/'])
    expect(negations.matches('/anything')).toBe(true)
    expect(toPathFilterMatcher('!/api/**').matches('/other')).toBe(true)
  })

  it("no filter is every path (http-proxy-middleware's '/'); an empty list is none", () => {
    expect(toPathFilterMatcher(undefined)).toMatchObject({ paths: ['/'] })
    expect(toPathFilterMatcher(undefined).matches('/x')).toBe(true)
    expect(toPathFilterMatcher([]).matches('/x')).toBe(false)
  })
})
