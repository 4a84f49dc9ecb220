import type { RouteEntry, UserConfig } from '@sameorigin/core'
import * as fc from 'fast-check'

/**
 * Path pieces that each exercise one rule of path safety: dot segments in every spelling, encoded
 * and double-encoded separators, path parameters, NUL, malformed escapes, overlong UTF-8, raw bytes.
 */
export const PATH_TRICKS: readonly string[] = [
  '.',
  '..',
  '%2e',
  '%2E',
  '.%2e',
  '%2e.',
  '%2e%2e',
  '%2E%2e',
  '%2f',
  '%2F',
  '..%2f',
  '%2f..',
  '%5c',
  '%5C',
  '\\',
  '..\\',
  '%25',
  '%252e',
  '%252E%252e',
  '%252f',
  '%255c',
  '%25%32%65',
  '%2500',
  '%00',
  '\u0000',
  ';',
  '..;',
  '.;x',
  '%3b',
  '..%3B',
  '%41',
  '%7e',
  '~',
  '%c0%ae',
  '%e2%80%ae',
  '%',
  '%2',
  '%zz',
  '%u002e',
  '#',
  '?',
  ' ',
  '\t',
  'é',
  '日',
  '\ud800',
  '',
]

/** Percent-encodes the characters of `text` chosen by `mask` (`%2E` or `%2e`), once. */
function encodeSome(text: string, mask: readonly boolean[], upper: boolean): string {
  return [...text]
    .map((char, i) => {
      if (mask[i] !== true) return char
      const hex = Buffer.from(char, 'utf8').toString('hex')
      const escaped = hex.replace(/../g, (byte) => `%${byte}`)
      return upper ? escaped.toUpperCase() : escaped
    })
    .join('')
}

/** A word of dots, slashes, backslashes, percent signs and letters, some characters percent-encoded once or twice. */
const encodedWord: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z./\\%;]{1,6}$/),
    fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([word, once, twice, upper]) => {
    const encoded = encodeSome(word, once, upper)
    // Encoding the `%` of an escape again gives double encoding (`%2e` → `%252e`).
    return encodeSome(
      encoded,
      twice.map((bit, i) => bit && encoded[i] === '%'),
      upper,
    )
  })

/** `..` (or `.`) and a separator, each character spelled raw, encoded, double-encoded or mixed. */
const dotSegment: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom('.', '%2e', '%2E', '%252e', '%252E', '%25%32%65', '%c0%ae'), {
      minLength: 1,
      maxLength: 2,
    }),
    fc.constantFrom('', '/', '%2f', '%2F', '%252f', '\\', '%5c', '%255c', ';', '%3b', '%00', '%2500'),
    fc.stringMatching(/^[a-z]{0,3}$/),
  )
  .map(([dots, separator, after]) => dots.join('') + separator + after)

/**
 * One path segment: an ordinary word, a trick, a spelled dot segment, an encoded word, or arbitrary code units. Words
 * dominate, so that a good share of paths survive the refusals and reach the rewrite.
 */
export const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9._~-]{1,6}$/) },
  { weight: 3, arbitrary: fc.constantFrom(...PATH_TRICKS) },
  { weight: 3, arbitrary: dotSegment },
  { weight: 2, arbitrary: encodedWord },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
)

/** Literal route prefixes the generated paths and routes share, so that most paths match something. */
export const PREFIXES: readonly string[] = ['/api', '/v1', '/api/v2']

/** A request path: usually one of {@link PREFIXES}, then hostile segments; sometimes anything at all. */
export const hostilePath: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom('', ...PREFIXES), fc.array(segment, { maxLength: 6 }), fc.boolean())
      .map(([prefix, segments, slash]) => `${prefix}/${segments.join('/')}${slash ? '/' : ''}`),
  },
  { weight: 1, arbitrary: fc.webPath() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
)

/** A query string that looks like paths, traversals and encoded separators. */
export const query: fc.Arbitrary<string> = fc.constantFrom(
  '',
  '?a=1',
  '?next=/../x',
  '?q=%2F%2e%2e',
  '?',
  '?#',
)

/** Target base paths, from none to several segments. */
export const BASE_PATHS: readonly string[] = ['', '/base', '/a/b', '/v1']

const basePath = fc.constantFrom(...BASE_PATHS)
const prefix = fc.constantFrom(...PREFIXES)

/** What a hostile rewrite function returns: anything a path piece can be, however it climbs. */
const rewriteResult: fc.Arbitrary<string> = fc.oneof(
  fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`),
  fc.array(segment, { maxLength: 5 }).map((segments) => segments.join('/')),
  fc.constantFrom('', '/', '/../..', '..', '//evil.example/x', 'http://evil.example/x', '/%2e%2e/%2e%2e'),
)

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * One route of every kind sameorigin compiles: a prefix with the default mapping, with Vite's
 * prefix-stripping function, with a template; patterns with templates; an optional parameter; a
 * RegExp with a named group; and function rewrites that return hostile paths or throw.
 */
export const routeEntry: fc.Arbitrary<RouteEntry> = fc.oneof(
  fc
    .record({ path: prefix, base: basePath })
    .map(({ path, base }) => ({ path, target: `http://prefix${base}` })),
  fc.record({ path: prefix, base: basePath }).map(({ path, base }) => ({
    path,
    target: `http://strip${base}`,
    rewrite: (value: string) => value.replace(new RegExp(`^${escapeRegExp(path)}`), ''),
  })),
  fc
    .record({
      path: prefix,
      base: basePath,
      rewrite: fc.constantFrom('/:path*', '/v2/:path*', '/p/:path*/end'),
    })
    .map(({ path, base, rewrite }) => ({ path, target: `http://template${base}`, rewrite })),
  fc.record({ path: prefix, base: basePath }).map(({ path, base }) => ({
    path: `${path}/:id/:rest*`,
    target: `http://pattern${base}`,
    rewrite: '/r/:rest*/:id',
  })),
  fc.record({ path: prefix, base: basePath }).map(({ path, base }) => ({
    path: `${path}/:id?`,
    target: `http://optional${base}`,
  })),
  basePath.map((base) => ({ path: /^\/(?<v>v\d)\//, target: `http://regexp${base}`, rewrite: '/x/:v' })),
  fc.record({ path: prefix, base: basePath, result: rewriteResult }).map(({ path, base, result }) => ({
    path,
    target: `http://hostile${base}`,
    rewrite: () => result,
  })),
  fc.record({ path: prefix, base: basePath, tail: rewriteResult }).map(({ path, base, tail }) => ({
    path,
    target: `http://append${base}`,
    rewrite: (value: string) => value + tail,
  })),
  prefix.map((path) => ({
    path,
    target: 'http://throws/v1',
    rewrite: () => {
      throw new Error('rewrite failed')
    },
  })),
)

/** A route set (one to five routes, declaration order) as a user would write it. */
export const routeSet: fc.Arbitrary<UserConfig> = fc
  .array(routeEntry, { minLength: 1, maxLength: 5 })
  .map((routes) => ({ routes }))
