// Redirects round-trip through the route's reverse mapping. When the backend answers
// `Location: https://staging.example.com/v1/login`, the browser must be sent to the dev path that
// the route forwards to `/v1/login`, or it leaves the dev server (and its cookies) or lands on a
// page that proxies somewhere else. core's properties check that a rewritten Location stays on the
// dev origin and that `toDevPath` inverts `toUpstreamPath`; these go through `rewriteLocation`
// itself, with every spelling a backend uses (absolute, scheme-relative, path-absolute, relative to
// the request, the default port written out), and require:
// - for a dev path the route forwards, a Location naming its upstream path comes back as a dev path
//   that the route forwards to that same upstream path, query and fragment kept;
// - for any upstream path at all, a Location that is rewritten is never a lie: following it reaches
//   exactly the upstream path the backend named.
import type { ResolvedRoute, RouteEntry } from '@sameorigin/core'
import { rewriteLocation } from '@sameorigin/core/rewrite'
import { resolveConfig } from '@sameorigin/core/config'
import { normalizePath, removeDotSegments } from '@sameorigin/core/rules'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE_PATHS, PREFIXES, segment } from '../src/arbitraries.ts'
import { checkProperty, HELD } from '../src/check-property.ts'

const ORIGINS = ['https://staging.example.com', 'http://127.0.0.1:8080', 'http://backend'] as const

/** Routes whose mapping is reversible: default prefixes over a base path, and templates. */
const reversibleRoute: fc.Arbitrary<{ entry: RouteEntry; lead: string }> = fc.oneof(
  fc
    .record({
      path: fc.constantFrom(...PREFIXES),
      base: fc.constantFrom(...BASE_PATHS),
      origin: fc.constantFrom(...ORIGINS),
    })
    .map(({ path, base, origin }) => ({ entry: { path, target: origin + base }, lead: path })),
  fc
    .record({
      path: fc.constantFrom(...PREFIXES),
      base: fc.constantFrom(...BASE_PATHS),
      origin: fc.constantFrom(...ORIGINS),
      rewrite: fc.constantFrom('/:path*', '/v2/:path*', '/p/:path*/end'),
    })
    .map(({ path, base, origin, rewrite }) => ({
      entry: { path, target: origin + base, rewrite },
      lead: path,
    })),
  fc
    .record({
      path: fc.constantFrom(...PREFIXES),
      base: fc.constantFrom(...BASE_PATHS),
      origin: fc.constantFrom(...ORIGINS),
    })
    .map(({ path, base, origin }) => ({
      entry: { path: `${path}/:id/:rest*`, target: origin + base, rewrite: '/r/:rest*/:id' },
      lead: `${path}/item`,
    })),
)

const tail = fc.array(segment, { maxLength: 4 })
const suffix = fc.constantFrom('', '?next=/x', '?a=1&b=%2F', '#top', '?q#h', '?%ZZ')

function resolveRoute(entry: RouteEntry): ResolvedRoute {
  const route = resolveConfig({ routes: [entry] }, { env: {} }).routes[0]
  if (route === undefined) throw new Error('no route')
  return route
}

/** The normalised dev path `lead/tail…`, or `undefined` when the engine would refuse it or no route matches. */
function devPathFor(
  route: ResolvedRoute,
  lead: string,
  segments: readonly string[],
  slash: boolean,
): string | undefined {
  try {
    const path = normalizePath(`${lead}${segments.map((s) => `/${s}`).join('')}${slash ? '/' : ''}`)
    return route.matchPath(path) === undefined ? undefined : path
  } catch {
    return undefined
  }
}

function forward(route: ResolvedRoute, devPath: string): string | undefined {
  const params = route.matchPath(devPath)
  return params === undefined ? undefined : route.toUpstreamPath(devPath, { params, search: '' })
}

/** A relative reference from `from` to `to` (both absolute paths): `../../a/b`. */
function relativeReference(from: string, to: string): string {
  const fromDir = from.split('/').slice(1, -1)
  const target = to.split('/').slice(1)
  let common = 0
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++
  const ups = fromDir.length - common
  const rest = target.slice(common).join('/')
  const reference = '../'.repeat(ups) + rest
  // `./` keeps it a relative path where it would read otherwise: empty, starting with `/` (an empty
  // first segment), or a first segment with a colon (a scheme).
  const first = reference.split('/')[0] ?? ''
  return first === '' || first.includes(':') ? `./${reference}` : reference
}

/** Every way a backend may spell a Location to `upstreamPath` + `after` on `origin`. */
function spellings(origin: string, upstreamPath: string, after: string, requestPath: string): string[] {
  const url = new URL(origin)
  const withPort =
    url.port === '' ? `${url.protocol}//${url.hostname}:${url.protocol === 'https:' ? 443 : 80}` : origin
  // A path starting with `//` cannot be written path-absolute (it would name a host): `/.//x`.
  const pathAbsolute = upstreamPath.startsWith('//') ? `/.${upstreamPath}` : upstreamPath
  return [
    origin + upstreamPath + after,
    `//${url.host}${upstreamPath}${after}`,
    pathAbsolute + after,
    withPort + upstreamPath + after,
    relativeReference(requestPath, upstreamPath) + after,
  ]
}

/** Path, query and fragment of a rewritten reference (origin-relative, as rewriteLocation answers). */
function split(reference: string): { path: string; after: string } {
  const cut = reference.search(/[?#]/)
  return cut === -1
    ? { path: reference, after: '' }
    : { path: reference.slice(0, cut), after: reference.slice(cut) }
}

describe('Location round trip (core/rewrite)', () => {
  it('a Location naming a forwarded path comes back as a dev path forwarding to it', () => {
    const tally = { locations: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title:
            'a Location naming the upstream path of a dev path is rewritten to a dev path forwarding to that upstream path (5 spellings)',
        },
        fc.property(
          reversibleRoute,
          tail,
          fc.boolean(),
          tail,
          suffix,
          ({ entry, lead }, segments, slash, other, after) => {
            const route = resolveRoute(entry)
            const devPath = devPathFor(route, lead, segments, slash)
            const requestDevPath = devPathFor(route, lead, other, false)
            fc.pre(devPath !== undefined && requestDevPath !== undefined)
            const upstreamPath = forward(route, devPath as string) as string
            const requestPath = forward(route, requestDevPath as string) as string
            const { origin } = route.target
            const expectedAfter = new URL(`${origin}/${after}`).search + new URL(`${origin}/${after}`).hash
            for (const location of spellings(origin, upstreamPath, after, requestPath)) {
              tally.locations++
              const out = rewriteLocation(location, {
                targetOrigin: origin,
                requestUrl: origin + requestPath,
                toDevPath: route.toDevPath,
              })
              const { path, after: kept } = split(out)
              const reached = path.startsWith('/') ? forward(route, safeNormalize(path)) : undefined
              if (reached !== upstreamPath || kept !== expectedAfter)
                throw new Error(
                  `${location} → ${out}, which forwards to ${String(reached)}${kept}, not ${upstreamPath}${expectedAfter}`,
                )
            }
          },
        ),
        { tally },
      ),
    ).toBe(HELD)
  })

  it('a rewritten Location is never a lie: following it reaches the upstream path the backend named', () => {
    const tally = { mapped: 0, unmappable: 0, invalid: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title:
            'any Location on the target that the route can map is rewritten to a dev path forwarding to exactly the path the backend named; one it cannot map keeps its path',
        },
        fc.property(reversibleRoute, fc.nat(), tail, fc.boolean(), ({ entry }, pick, segments, slash) => {
          const route = resolveRoute(entry)
          const { origin, basePath } = route.target
          // Mostly below the base path and the templates' constant parts, where the route can map.
          const starts = [basePath, `${basePath}/v2`, `${basePath}/r/x`, `${basePath}/p`, '', '/elsewhere']
          const under = starts[pick % starts.length] as string
          const named = `${under}${segments.map((s) => `/${s}`).join('')}${slash ? '/' : ''}` || '/'
          const context = {
            targetOrigin: origin,
            requestUrl: `${origin}${basePath}/`,
            toDevPath: route.toDevPath,
          }
          const out = rewriteLocation(origin + named, context)
          // What the browser would request: the URL parser's reading of the backend's value.
          let upstreamPath: string
          try {
            upstreamPath = new URL(origin + named).pathname
          } catch {
            // Not a URL at all (`//` after the origin reads as an empty host): must stay as it was.
            tally.invalid++
            if (out !== origin + named) throw new Error(`${origin + named} is no URL, yet became ${out}`)
            return
          }
          const { path } = split(out)
          let mapped: string | undefined
          try {
            mapped = route.toDevPath(upstreamPath)
          } catch {
            mapped = undefined
          }
          if (mapped === undefined) {
            tally.unmappable++
            // Kept, possibly spelled `/.//x` so that it cannot read as another host: the same path.
            // Dot segments compared as RFC 3986 removes them: Node's URL parser keeps a final `/.`
            // after a `.~` segment (`https://x//.~/.` → `//.~/.`) that the same parser drops from
            // the kept spelling (`/.//.~/.` → `//.~/`), and browsers drop it from both.
            if (
              removeDotSegments(new URL(path, 'http://dev.invalid').pathname) !==
              removeDotSegments(upstreamPath)
            )
              throw new Error(`${origin + named}: unmappable, yet rewritten to ${path}`)
            return
          }
          tally.mapped++
          const reached = forward(route, safeNormalize(path))
          if (reached !== safeNormalize(upstreamPath))
            throw new Error(
              `${origin + named} → ${path}, which forwards to ${String(reached)}, not ${upstreamPath}`,
            )
        }),
        { tally },
      ),
    ).toBe(HELD)
  })
})

/** normalizePath, or the input when the engine would refuse it (it then matches nothing). */
function safeNormalize(path: string): string {
  try {
    return normalizePath(path)
  } catch {
    return `refused:${path}`
  }
}
