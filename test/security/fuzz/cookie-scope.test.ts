// Set-Cookie rewriting never widens a cookie. The proxy rewrites the backend's cookies so the
// browser keeps them for the dev origin; done carelessly, that turns a cookie for one backend path
// into one every site on the developer's machine can read (a `Domain` left in place, or added), or
// one readable by page scripts or sent cross-site (HttpOnly or SameSite dropped), or one that lives
// longer. core's properties check that no Domain is added and that Path is the original or its
// mapping; these read the cookie before and after the way a browser does (RFC 6265bis §5.7: names
// case-insensitive, the last valid value of an attribute wins) and require, for any Set-Cookie, any
// route and either dev scheme:
// - the result is host-only (no Domain at all): it reaches the dev host and nothing else;
// - HttpOnly is never dropped; Secure never on an https dev server; SameSite is never relaxed;
//   Expires and Max-Age are untouched; the name is the backend's (marked on plain http);
// - a mapped Path is a dev path the route forwards to exactly the original Path (cookie paths are
//   compared literally by browsers: `/v1/.` is not `/v1/`);
// - every dev path the browser sends the mapped cookie with is forwarded to an upstream path the
//   original cookie was sent with (a prefix scope must map to a prefix scope).
import type { ResolvedRoute, RouteEntry } from '@sameorigin/core'
import { rewriteSetCookie, SECURE_COOKIE_MARKER } from '@sameorigin/core/rewrite'
import { resolveConfig } from '@sameorigin/core/config'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE_PATHS, PREFIXES } from '../src/arbitraries.ts'
import { checkProperty, HELD } from '../src/check-property.ts'

/** A route of each kind: default prefix over a base path, templates, a pattern, a function (no reverse). */
const route: fc.Arbitrary<RouteEntry> = fc.oneof(
  fc
    .record({ path: fc.constantFrom(...PREFIXES), base: fc.constantFrom(...BASE_PATHS) })
    .map(({ path, base }) => ({ path, target: `https://staging.example.com${base}` })),
  fc
    .record({
      path: fc.constantFrom(...PREFIXES),
      base: fc.constantFrom(...BASE_PATHS),
      rewrite: fc.constantFrom('/:path*', '/v2/:path*'),
    })
    .map(({ path, base, rewrite }) => ({ path, target: `https://staging.example.com${base}`, rewrite })),
  fc
    .record({ path: fc.constantFrom(...PREFIXES), base: fc.constantFrom(...BASE_PATHS) })
    .map(({ path, base }) => ({
      path: `${path}/:id/:rest*`,
      target: `https://staging.example.com${base}`,
      rewrite: '/r/:rest*/:id',
    })),
  fc.constantFrom(...PREFIXES).map((path) => ({
    path,
    target: 'https://staging.example.com/fn',
    rewrite: (value: string) => value.replace(/^\/[^/]+/, ''),
  })),
)

const anyCase = (word: string): fc.Arbitrary<string> => fc.mixedCase(fc.constant(word))
const space = fc.constantFrom('', ' ', '  ', '\t')

/** A Path value: the base path and below (what the route can map), the root, or anything. */
const pathValue = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...BASE_PATHS, '/v2', '/r/x/42', '/r/a/b/7'),
      fc.constantFrom('', '/', '/v2', '/x', '/r/x/1', '/p'),
    )
    .map(([a, b]) => `${a}${b}` || '/'),
  // Spellings a browser keeps literally in a cookie Path, but a request path would normalise.
  fc
    .tuple(fc.constantFrom(...BASE_PATHS), fc.constantFrom('/.', '/x/..', '/%78', '/./x', '/%2e', '//x'))
    .map(([a, b]) => a + b),
  fc.constantFrom('/', '', 'relative', '/api', '//x', '/a;b'),
  fc.webPath(),
  fc.string({ maxLength: 8 }),
)

const attribute = fc.oneof(
  fc
    .tuple(anyCase('domain'), fc.constantFrom('=staging.example.com', '=.example.com', '=localhost', '=', ''))
    .map(([a, b]) => a + b),
  fc.tuple(space, anyCase('path'), space, pathValue).map(([s, a, t, v]) => `${s}${a}${t}=${v}`),
  fc.tuple(space, anyCase('secure')).map(([s, a]) => s + a),
  fc.tuple(space, anyCase('httponly')).map(([s, a]) => s + a),
  fc.tuple(space, anyCase('partitioned')).map(([s, a]) => s + a),
  fc
    .tuple(
      space,
      anyCase('samesite'),
      fc.constantFrom('=None', '=none', '=Lax', '=Strict', '=STRICT', '=', '=bogus', ' = None '),
    )
    .map(([s, a, v]) => s + a + v),
  fc.tuple(anyCase('max-age'), fc.constantFrom('=0', '=3600', '=-1', '=abc')).map(([a, v]) => a + v),
  fc.constantFrom('Expires=Wed, 21 Oct 2099 07:28:00 GMT', 'expires=0'),
  fc.string({ maxLength: 6 }),
)

const cookieName = fc.oneof(
  fc.constantFrom('sid', '__Secure-sid', '__Host-sid', '__host-x', '__Http-a', '__Host-Http-b', ' sid', ''),
  fc.string({ maxLength: 6 }),
)

const setCookie = fc
  .tuple(
    cookieName,
    fc.string({ maxLength: 6 }),
    fc.array(attribute, { maxLength: 8 }),
    fc.constantFrom(';', '; ', ' ;'),
  )
  .map(([name, value, attrs, separator]) => [`${name}=${value}`, ...attrs].join(separator))

/** A cookie as a browser stores it from one Set-Cookie value (RFC 6265bis §5.7). */
interface StoredCookie {
  readonly name: string
  readonly domain: boolean
  /** The last Path starting with `/`, or `default` (the request's directory). */
  readonly path: string
  readonly secure: boolean
  readonly httpOnly: boolean
  /** The last valid SameSite, lower-cased; `default` when none is valid. */
  readonly sameSite: string
  /** Max-Age and Expires attributes as written. */
  readonly lifetime: readonly string[]
}

function store(value: string): StoredCookie {
  const [pair = '', ...parts] = value.split(';')
  const eq = pair.indexOf('=')
  const cookie = {
    name: eq === -1 ? '' : pair.slice(0, eq).trim(),
    domain: false,
    path: 'default',
    secure: false,
    httpOnly: false,
    sameSite: 'default',
    lifetime: [] as string[],
  }
  for (const part of parts) {
    const at = part.indexOf('=')
    const name = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase()
    const attributeValue = at === -1 ? '' : part.slice(at + 1).trim()
    if (name === 'domain') cookie.domain = true
    else if (name === 'path') cookie.path = attributeValue.startsWith('/') ? attributeValue : 'default'
    else if (name === 'secure') cookie.secure = true
    else if (name === 'httponly') cookie.httpOnly = true
    else if (name === 'samesite' && ['strict', 'lax', 'none'].includes(attributeValue.toLowerCase()))
      cookie.sameSite = attributeValue.toLowerCase()
    else if (name === 'max-age' || name === 'expires') cookie.lifetime.push(`${name}=${attributeValue}`)
  }
  return cookie
}

/** How strictly a browser keeps the cookie to same-site requests; an unset SameSite counts as Lax. */
const STRICTNESS: Readonly<Record<string, number>> = { none: 0, lax: 1, default: 1, strict: 2 }

/** RFC 6265 §5.1.4 path-match: is `requestPath` within the cookie path `cookiePath`? */
function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true
  if (!requestPath.startsWith(cookiePath)) return false
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'
}

function resolveRoute(entry: RouteEntry): ResolvedRoute {
  const resolved = resolveConfig({ routes: [entry] }, { env: {} }).routes[0]
  if (resolved === undefined) throw new Error('no route')
  return resolved
}

function forward(resolved: ResolvedRoute, devPath: string): string | undefined {
  try {
    const params = resolved.matchPath(devPath)
    return params === undefined ? undefined : resolved.toUpstreamPath(devPath, { params, search: '' })
  } catch {
    return undefined
  }
}

/** The stored Path of `sid=1; Path=<path>` before and after rewriting for `resolved`. */
function mapPath(
  resolved: ResolvedRoute,
  path: string,
  devSecure: boolean,
): { before: string; after: string } {
  const value = `sid=1; Path=${path}`
  const out = rewriteSetCookie(value, { devSecure, toDevPath: resolved.toDevPath })
  return { before: store(value).path, after: store(out).path }
}

describe('cookie scope (core/rewrite)', () => {
  it('a rewritten cookie reaches the dev host only, and is never weaker', () => {
    const tally = { rewritten: 0, unchanged: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title:
            'a rewritten Set-Cookie is host-only; HttpOnly, Secure (on https), SameSite strictness and lifetime never weaken; the name is kept',
        },
        fc.property(setCookie, route, fc.boolean(), (value, entry, devSecure) => {
          const resolved = resolveRoute(entry)
          const out = rewriteSetCookie(value, { devSecure, toDevPath: resolved.toDevPath })
          tally[out === value ? 'unchanged' : 'rewritten']++
          const before = store(value)
          const after = store(out)
          const problems: string[] = []
          if (after.domain) problems.push('a Domain is left: the cookie reaches other hosts')
          if (before.httpOnly && !after.httpOnly) problems.push('HttpOnly dropped')
          if (devSecure && before.secure && !after.secure)
            problems.push('Secure dropped on an https dev server')
          if ((STRICTNESS[after.sameSite] ?? 1) < (STRICTNESS[before.sameSite] ?? 1))
            problems.push(`SameSite relaxed: ${before.sameSite} → ${after.sameSite}`)
          if (after.lifetime.join('|') !== before.lifetime.join('|')) problems.push('lifetime changed')
          const marked = SECURE_COOKIE_MARKER + before.name
          if (after.name !== before.name && !(!devSecure && after.name === marked))
            problems.push(`name ${before.name} became ${after.name}`)
          if (problems.length > 0)
            throw new Error(`${JSON.stringify(value)} → ${JSON.stringify(out)}: ${problems.join('; ')}`)
        }),
        { tally },
      ),
    ).toBe(HELD)
  })

  it('a mapped Path is the dev path that forwards to the original Path', () => {
    const tally = { mapped: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title:
            'a Set-Cookie Path mapped to the dev server is a dev path the route forwards to exactly the original Path',
        },
        fc.property(route, pathValue, fc.boolean(), (entry, path, devSecure) => {
          const resolved = resolveRoute(entry)
          const { before, after } = mapPath(resolved, path, devSecure)
          if (after === before || after === 'default') return
          tally.mapped++
          const reached = forward(resolved, after)
          if (reached !== before)
            throw new Error(
              `Path=${before} became Path=${after}, which the route forwards to ${String(reached)}`,
            )
        }),
        { tally },
      ),
    ).toBe(HELD)
  })

  it('a mapped Path covers only dev paths forwarded inside the original Path', () => {
    const tally = { mapped: 0, devPathsChecked: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title: 'every dev path a mapped Set-Cookie Path covers is forwarded inside the original Path',
        },
        fc.property(
          route,
          pathValue,
          fc.array(fc.constantFrom('a', 'b', '42', 'x', 'v2', 'r', 'deep/er'), {
            minLength: 1,
            maxLength: 3,
          }),
          fc.boolean(),
          (entry, path, below, devSecure) => {
            const resolved = resolveRoute(entry)
            const { before, after } = mapPath(resolved, path, devSecure)
            // Only mappings that are right for the Path itself (the property above); this one is about scope.
            if (after === before || after === 'default' || forward(resolved, after) !== before) return
            tally.mapped++
            // The browser sends the cookie with every dev path below the new Path (RFC 6265 §5.1.4).
            const devPath = `${after.replace(/\/$/, '')}/${below.join('/')}`
            const upstream = forward(resolved, devPath)
            if (upstream === undefined) return
            tally.devPathsChecked++
            if (!pathMatches(before, upstream))
              throw new Error(
                `Path=${before} became Path=${after}: the browser sends it with ${devPath}, forwarded to ${upstream}, outside ${before}`,
              )
          },
        ),
        { tally },
      ),
    ).toBe(HELD)
  })
})
