import type { ErrorCode } from '../errors/codes.ts'
import type { ResolvedTarget } from '../types.ts'
import { describeValue } from '../internal/describe-value.ts'
import { normalizePath } from './normalize-path.ts'

/** A parsed target, or what is wrong with it and the corrected URL. */
export type ParsedTarget =
  | { readonly target: ResolvedTarget; readonly problem?: undefined }
  | { readonly target?: undefined; readonly problem: TargetProblem }

/** Why a target cannot be used, and a corrected URL (unquoted). */
export interface TargetProblem {
  readonly code: ErrorCode
  readonly message: string
  readonly fix: string
}

const SCHEME = /^([A-Za-z][A-Za-z\d+.-]*):\/\//
const EXAMPLE = 'http://127.0.0.1:8080'

/**
 * Parses a route target (after `${VAR}` substitution): an absolute `http:`/`https:` URL without
 * credentials, query or fragment. Each problem comes with a corrected URL where one can be guessed
 * (`localhost:8080` → `http://localhost:8080`, `ws://x` → `http://x`).
 */
export function parseTarget(value: unknown): ParsedTarget {
  if (value === undefined || value === null || value === '') {
    return fail('ERR_RULE_TARGET_MISSING', value === '' ? 'is empty' : 'is missing', EXAMPLE)
  }
  if (typeof value !== 'string') {
    const guess = typeof value === 'number' ? `http://127.0.0.1:${value}` : fromParts(value)
    return fail(
      'ERR_RULE_TARGET_INVALID',
      `must be a URL string, got ${describeValue(value)}`,
      guess ?? EXAMPLE,
    )
  }
  if (value.trim() !== value)
    return fail('ERR_RULE_TARGET_INVALID', 'has spaces around the URL', value.trim())
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase()
  if (scheme === undefined)
    return fail('ERR_RULE_TARGET_INVALID', `'${value}' has no http:// or https:// scheme`, withScheme(value))
  if (scheme === 'ws' || scheme === 'wss') {
    const fixed = `${scheme === 'ws' ? 'http' : 'https'}${value.slice(scheme.length)}`
    return fail(
      'ERR_RULE_TARGET_INVALID',
      'websocket targets are written with http(s); `ws: true` (the default) proxies upgrades',
      fixed,
    )
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return fail(
      'ERR_RULE_TARGET_INVALID',
      `uses ${scheme}:, but only http: and https: targets can be proxied`,
      EXAMPLE,
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return fail('ERR_RULE_TARGET_INVALID', `'${value}' is not a valid URL`, EXAMPLE)
  }
  const clean = new URL(url.href)
  clean.username = ''
  clean.password = ''
  clean.search = ''
  clean.hash = ''
  const cleanHref = clean.pathname === '/' ? clean.origin : clean.href
  // Credentials in a URL end up in logs and error pages; a header is the honest way to send them.
  if (url.username !== '' || url.password !== '') {
    const message = "contains credentials; send them as a header (headers: { authorization: 'Basic …' })"
    return fail('ERR_RULE_TARGET_INVALID', message, cleanHref)
  }
  if (url.search !== '' || value.includes('?')) {
    return fail(
      'ERR_RULE_TARGET_INVALID',
      "has a query string; the request's own query is forwarded",
      cleanHref,
    )
  }
  if (url.hash !== '' || value.includes('#'))
    return fail('ERR_RULE_TARGET_INVALID', 'has a fragment (#…)', cleanHref)
  let basePath: string
  try {
    basePath = normalizePath(url.pathname).replace(/\/+$/, '')
  } catch {
    return fail(
      'ERR_RULE_TARGET_INVALID',
      'has a path that requests would be refused for (encoded slash, backslash or NUL)',
      url.origin,
    )
  }
  const protocol = url.protocol as 'http:' | 'https:'
  return {
    target: {
      href: url.href,
      protocol,
      origin: url.origin,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port),
      host: url.host,
      basePath,
    },
  }
}

function fail(code: ErrorCode, message: string, fix: string): ParsedTarget {
  return { problem: { code, message, fix } }
}

/** `localhost:8080` → `http://localhost:8080`, `:8080` / `8080` → `http://127.0.0.1:8080`. */
function withScheme(value: string): string {
  if (/^\d+$/.test(value)) return `http://127.0.0.1:${value}`
  if (value.startsWith(':')) return `http://127.0.0.1${value}`
  if (value.startsWith('//')) return `http:${value}`
  // A scheme missing its colon (`http//host`, `https:/host`): keep the scheme, mend the separator.
  const mistyped = /^(https?)[:/]+(?=[^/])/i.exec(value)
  if (mistyped?.[1] !== undefined) return `${mistyped[1].toLowerCase()}://${value.slice(mistyped[0].length)}`
  return `http://${value.replace(/^[A-Za-z][A-Za-z\d+.-]*:\/*(?=[^\d])/, '')}`
}

/** http-proxy accepts `{ protocol, host, port }`: write it as the URL it stands for. */
function fromParts(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { protocol, host, hostname, port } = value as Record<string, unknown>
  const name = typeof host === 'string' ? host : typeof hostname === 'string' ? hostname : undefined
  if (name === undefined) return undefined
  const scheme = typeof protocol === 'string' && protocol.startsWith('https') ? 'https' : 'http'
  return `${scheme}://${name}${typeof port === 'number' || typeof port === 'string' ? `:${port}` : ''}`
}
