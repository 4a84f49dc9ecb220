// Base-path containment under every reading of the upstream path. core's own property
// (packages/core/test/rules/properties.test.ts) checks that the upstream path, as sent, stays below
// the target's base path. A path traversal happens on the backend, though, after whatever decoding
// the backend, its framework or a proxy in front of it does. So this reads each upstream path the
// way real servers do, and requires every reading to resolve inside the base path:
// - as sent, with WHATWG URL dot rules (`%2e` is a dot) and Tomcat-style `;` parameters ignored;
// - percent-decoded once (`%2F` becomes a separator), backslashes read as `/` (IIS, Windows);
// - percent-decoded twice (a proxy and a framework each decoding once).
// The routes include Vite's prefix-stripping function, templates, patterns, a RegExp, and function
// rewrites that return hostile paths. A second property requires equivalent spellings of a path (any
// unreserved character percent-encoded, RFC 3986 §6.2.2.2) to reach the same upstream path.
import type { ResolvedConfig, UserConfig } from '@sameorigin/core'
import { isProxyError } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core/config'
import { matchRequest } from '@sameorigin/core/rules'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostilePath, query, routeSet } from '../src/arbitraries.ts'
import { checkProperty, HELD } from '../src/check-property.ts'

/** Decodes every `%XX` once, byte for byte (latin1); malformed escapes stay as they are. */
function decodeOnce(path: string): string {
  return path.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

/** The segment as a dot-resolving server sees it: `;params` dropped, and `%2e` read as `.` if asked. */
function dotValue(segment: string, encodedDots: boolean): string {
  const bare = segment.split(';')[0] ?? ''
  return encodedDots ? bare.replace(/%2e/gi, '.') : bare
}

/** RFC 3986 §5.2.4 dot-segment removal, with the segment reading of {@link dotValue}. Independent of core. */
function resolveDots(path: string, encodedDots: boolean): string {
  const out: string[] = []
  const segments = path.split('/').slice(1)
  segments.forEach((segment, i) => {
    const value = dotValue(segment, encodedDots)
    const last = i === segments.length - 1
    if (value === '..') {
      out.pop()
      if (last) out.push('')
    } else if (value === '.') {
      if (last) out.push('')
    } else out.push(segment)
  })
  return `/${out.join('/')}`
}

/** The ways a backend may read an upstream path before resolving it. */
const READINGS: ReadonlyArray<readonly [string, (path: string) => string]> = [
  ['as sent', (path) => resolveDots(path, true)],
  ['decoded once', (path) => resolveDots(decodeOnce(path).replaceAll('\\', '/'), true)],
  ['decoded twice', (path) => resolveDots(decodeOnce(decodeOnce(path)).replaceAll('\\', '/'), false)],
]

function resolve(user: UserConfig): ResolvedConfig | undefined {
  try {
    return resolveConfig(user, { env: {} })
  } catch (error) {
    if (isProxyError(error) && error.code === 'ERR_CONFIG_INVALID') return undefined
    throw error
  }
}

/** The match for `url`, `undefined` for no match, or `'refused'` for a typed refusal. */
function attempt(config: ResolvedConfig, url: string): ReturnType<typeof matchRequest> | 'refused' {
  try {
    return matchRequest(config, { method: 'GET', url, headers: {} })
  } catch (error) {
    if (isProxyError(error) && ['ERR_REQUEST_PATH_UNSAFE', 'ERR_RULE_REWRITE_INVALID'].includes(error.code))
      return 'refused'
    throw error
  }
}

describe('base-path containment (core/rules)', () => {
  it('every reading of the upstream path resolves inside the target base path', () => {
    const tally = { forwarded: 0, refused: 0, unmatched: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rules',
          title:
            'every reading of the upstream path (as sent, decoded once, decoded twice) stays inside the base path',
        },
        fc.property(routeSet, hostilePath, query, (user, path, search) => {
          const config = resolve(user)
          fc.pre(config !== undefined)
          const match = attempt(config as ResolvedConfig, path + search)
          if (match === undefined || match === 'refused') {
            tally[match === undefined ? 'unmatched' : 'refused']++
            return
          }
          tally.forwarded++
          const base = match.route.target.basePath
          for (const [reading, read] of READINGS) {
            const seen = read(match.upstreamPath)
            const inside = base === '' || seen === base || seen.startsWith(`${base}/`)
            if (!inside)
              throw new Error(`${reading}: ${match.upstreamPath} resolves to ${seen}, outside ${base || '/'}`)
          }
          if (new URL(match.upstreamUrl).origin !== match.route.target.origin)
            throw new Error(`the upstream URL ${match.upstreamUrl} left the target origin`)
        }),
        { tally, parameters: { numRuns: 10_000 } },
      ),
    ).toBe(HELD)
  })

  it('equivalent spellings of a path reach the same upstream path', () => {
    const tally = { forwarded: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rules',
          title:
            'a path with unreserved characters percent-encoded gets the same answer: route and upstream path, refusal, or no match',
        },
        fc.property(
          routeSet,
          hostilePath,
          fc.infiniteStream(fc.boolean()),
          fc.boolean(),
          (user, path, coin, upper) => {
            const config = resolve(user)
            fc.pre(config !== undefined)
            const plain = attempt(config as ResolvedConfig, path)
            const flips = coin[Symbol.iterator]()
            // Only unreserved characters may be encoded without changing meaning (RFC 3986 §2.3), and
            // never the two hex digits of an escape already there.
            let spelled = ''
            for (let i = 0; i < path.length; i++) {
              const char = path[i] as string
              if (char === '%') {
                spelled += path.slice(i, i + 3)
                i += 2
              } else if (/[A-Za-z0-9\-._~]/.test(char) && flips.next().value === true) {
                const hex = char.charCodeAt(0).toString(16)
                spelled += `%${upper ? hex.toUpperCase() : hex}`
              } else spelled += char
            }
            if (plain !== undefined && plain !== 'refused') tally.forwarded++
            const other = attempt(config as ResolvedConfig, spelled)
            const summary = (result: typeof other): string =>
              result === undefined || result === 'refused'
                ? String(result)
                : `${result.route.index} ${result.upstreamPath}`
            if (summary(other) !== summary(plain))
              throw new Error(`${path} → ${summary(plain)}, but ${spelled} → ${summary(other)}`)
          },
        ),
        { tally },
      ),
    ).toBe(HELD)
  })
})
