import type { ResolvedConfig, RouteEntry, UserConfig } from '../../src/types.ts'
import {
  array,
  assert,
  boolean,
  constantFrom,
  oneof,
  pre,
  property,
  record,
  string,
  stringMatching,
} from 'fast-check'
import type { Arbitrary } from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import { matchRequest } from '../../src/rules/match-request.ts'
import { normalizePath } from '../../src/rules/normalize-path.ts'

// Segments mixing ordinary text with every trick normalizePath has to handle.
const nasty = constantFrom(
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '.%2e',
  '%2f',
  '%2F',
  '..%2f',
  '%5c',
  '\\',
  '%25',
  '%252e',
  '%25%32%65',
  '%00',
  '\u0000',
  ';',
  '..;',
  '%3B',
  '%41',
  '%7e',
  '~',
  'é',
  '日',
  '%',
  '%zz',
  '#',
  ' ',
  '',
  '?',
  '%3F',
  'api',
  'v1',
)
const word = stringMatching(/^[a-z0-9._~-]{1,6}$/)
const segment = oneof(word, nasty, string({ maxLength: 4 }))
const rawPath = array(segment, { maxLength: 6 }).map((segments) => `/${segments.join('/')}`)
const query = constantFrom('', '?a=1', '?next=/../x', '?q=%2F')

const basePath = constantFrom('', '/v1', '/a/b', '/~x')
const literal = array(constantFrom('api', 'x', 'v1', 'users', 'a.b'), { minLength: 1, maxLength: 3 }).map(
  (s) => `/${s.join('/')}`,
)

/** Route sets of every kind, with default, template and (possibly hostile) function rewrites. */
const routeEntry: Arbitrary<RouteEntry> = oneof(
  record({
    path: literal,
    base: basePath,
    rewrite: constantFrom(undefined, '/:path*', '/v2/:path*', '/p/:path*/end'),
  }).map(({ path, base, rewrite }) => ({
    path,
    target: `http://prefix${base}`,
    ...(rewrite === undefined ? {} : { rewrite }),
  })),
  record({ path: literal, base: basePath }).map(({ path, base }) => ({
    path: `${path}/:id/:rest*`,
    target: `http://pattern${base}`,
    rewrite: '/r/:rest*/:id',
  })),
  record({ path: literal, base: basePath }).map(({ path, base }) => ({
    path: `${path}/:id?`,
    target: `http://optional${base}`,
  })),
  constantFrom<RouteEntry>(
    { path: '/', target: 'http://root/base' },
    { path: '/:path*', target: 'http://catchall/v9', rewrite: '/:path*' },
    { path: /^\/(?<v>v\d)\//, target: 'http://re/base', rewrite: '/x/:v' },
  ),
  record({
    path: literal,
    base: basePath,
    result: constantFrom('', 'x', '/../..', '/a/../../b', '/%2e%2e/x', '/%5c', '/ok', '..%2Fx', '/x?y'),
  }).map(({ path, base, result }) => ({
    path,
    target: `http://fn${base}`,
    rewrite: (p: string) => (result === 'x' ? p : result),
  })),
  record({ path: literal }).map(({ path }) => ({
    path,
    target: 'http://throws/v1',
    rewrite: () => {
      throw new Error('boom')
    },
  })),
)
const routeSet = array(routeEntry, { minLength: 1, maxLength: 5 }).map((routes) =>
  resolveConfig({ routes } as UserConfig, { env: {} }),
)

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
  try {
    return { value: run() }
  } catch (error) {
    return { error }
  }
}

/** A path normalizePath leaves as is, with no dot segment left. */
function canonical(value: string): boolean {
  return normalizePath(value) === value && !/(?:^|\/)\.\.?(?:\/|$)/.test(value)
}

/** What is wrong with how `url` was matched against `config`, or `undefined` when all is well. */
function violation(config: ResolvedConfig, url: string): string | undefined {
  const result = attempt(() => matchRequest(config, { method: 'GET', url, headers: {} }))
  if ('error' in result) {
    const code = isProxyError(result.error) ? result.error.code : undefined
    return code === 'ERR_REQUEST_PATH_UNSAFE' || code === 'ERR_RULE_REWRITE_INVALID'
      ? undefined
      : `threw ${String(result.error)}`
  }
  const match = result.value
  if (match === undefined) return undefined
  const base = match.route.target.basePath
  if (match.upstreamPath !== (base || '/') && !match.upstreamPath.startsWith(`${base}/`))
    return `left ${base}: ${match.upstreamPath}`
  if (normalizePath(match.upstreamPath) !== match.upstreamPath) return `not normalised: ${match.upstreamPath}`
  // A rewrite may write a query of its own (`'/x?y'`): `upstreamSearch` is the request's, merged with it.
  if (match.upstreamUrl !== match.route.target.origin + match.upstreamPath + match.upstreamSearch)
    return `bad URL ${match.upstreamUrl}`
  // Only the function rewrites (target `http://fn…`) write a query; every other route keeps the request's.
  if (match.upstreamSearch !== match.search && match.route.target.hostname !== 'fn')
    return `query changed: ${match.search} became ${match.upstreamSearch}`
  if (!url.endsWith(match.search)) return `query changed: ${match.search}`
  return new URL(match.upstreamUrl).origin === match.route.target.origin
    ? undefined
    : `origin changed: ${match.upstreamUrl}`
}

describe('properties', () => {
  it('the upstream path never leaves the target base path, or the request is refused with a ProxyError', () => {
    assert(
      property(routeSet, rawPath, query, (config, path, search) => {
        expect(violation(config, path + search)).toBeUndefined()
      }),
      { numRuns: 2000 },
    )
  })

  it('matching is deterministic', () => {
    assert(
      property(routeSet, rawPath, (config, path) => {
        const once = (): unknown => {
          const result = attempt(() => matchRequest(config, { method: 'GET', url: path, headers: {} }))
          return 'error' in result
            ? (result.error as { code: string }).code
            : result.value && [result.value.route.index, result.value.upstreamUrl]
        }
        expect(once()).toEqual(once())
      }),
    )
  })

  it('normalizePath is idempotent and its output is refused for nothing', () => {
    assert(
      property(rawPath, (path) => {
        const result = attempt(() => normalizePath(path))
        const outcome =
          'error' in result
            ? (result.error as { code?: string }).code
            : canonical(result.value)
              ? 'canonical'
              : result.value
        expect(['ERR_REQUEST_PATH_UNSAFE', 'canonical']).toContain(outcome)
      }),
      { numRuns: 2000 },
    )
  })

  it('a prefix route /x never matches a sibling /xy…', () => {
    assert(
      property(literal, stringMatching(/^[a-zA-Z0-9._~-][a-zA-Z0-9._~/-]{0,8}$/), (prefix, rest) => {
        const config = resolveConfig({ routes: { [prefix]: 'http://b' } })
        const result = attempt(() => matchRequest(config, { method: 'GET', url: prefix + rest, headers: {} }))
        const matched = 'value' in result && result.value !== undefined
        // Only a dot segment resolving back below the prefix may match (`/x/..` is `/`, `/x/a/..` is `/x/`).
        const below =
          'value' in result &&
          result.value !== undefined &&
          (result.value.path === prefix || result.value.path.startsWith(`${prefix}/`))
        expect(matched).toBe(below)
      }),
    )
  })

  it('toDevPath(toUpstreamPath(p)) === p for default and template rewrites', () => {
    const reversible = oneof(
      record({
        path: literal,
        base: basePath,
        rewrite: constantFrom(undefined, '/:path*', '/v2/:path*'),
      }).map(({ path, base, rewrite }) => ({
        route: { path, target: `http://b${base}`, ...(rewrite === undefined ? {} : { rewrite }) },
        lead: path,
      })),
      record({ path: literal, base: basePath }).map(({ path, base }) => ({
        route: { path: `${path}/:id/:rest*`, target: `http://b${base}`, rewrite: '/r/:rest*/:id' },
        lead: `${path}/seg`,
      })),
      record({ path: literal, base: basePath }).map(({ path, base }) => ({
        route: { path: `${path}/:id`, target: `http://b${base}`, rewrite: '/u/:id/profile' },
        lead: `${path}/`,
      })),
    )
    assert(
      property(
        reversible,
        array(oneof(word, nasty), { maxLength: 4 }),
        boolean(),
        ({ route, lead }, tail, slash) => {
          const config = resolveConfig({ routes: [route] } as UserConfig)
          const [resolved] = config.routes
          const normalised = attempt(() =>
            normalizePath(`${lead}${tail.length > 0 ? `/${tail.join('/')}` : ''}${slash ? '/' : ''}`),
          )
          pre('value' in normalised)
          const path = (normalised as { value: string }).value
          const params = resolved!.matchPath(path)
          pre(params !== undefined)
          const upstream = resolved!.toUpstreamPath(path, { params: params!, search: '' })
          const devPath = resolved!.toDevPath(upstream)
          // `/api` and `/api/` through `'/:path*'` without a base path both land on `/`: either answer is right.
          const accepted =
            upstream === '/' ? [path.replace(/\/$/, ''), `${path.replace(/\/$/, '')}/`] : [path]
          expect(accepted).toContain(devPath)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
