import { isHeaderValue } from '../doctor/check-request-shape.ts'
import { isToken } from '../rules/is-token.ts'
import type { BlockedCall, BlockedCallKind } from './types.ts'

/** The largest report body accepted, in bytes: a shape is a few hundred. */
export const MAX_REPORT_BYTES = 8192

const KINDS: ReadonlySet<string> = new Set<BlockedCallKind>(['fetch', 'xhr', 'eventsource', 'websocket'])
const CREDENTIALS: ReadonlySet<string> = new Set(['omit', 'same-origin', 'include'])
const SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:'])
const KEYS = ['kind', 'url', 'method', 'headers', 'credentials', 'pageOrigin']
const MAX_HEADERS = 64

/** The report's reading: the call, or what is wrong with it (one line, for a 400 and a debug line). */
export type ParsedBlockedCall =
  | { readonly call: BlockedCall; readonly problem?: undefined }
  | { readonly call?: undefined; readonly problem: string }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function toUrl(value: string): URL | undefined {
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/** `problem` of one header entry, or `undefined`: a token name, and a value for Content-Type only. */
function checkHeader(entry: unknown): string | undefined {
  if (typeof entry === 'string') return isToken(entry) ? undefined : 'a header name is not a token'
  if (!Array.isArray(entry) || entry.length !== 2) return 'a header is neither a name nor [name, value]'
  const [name, value] = entry as unknown[]
  if (name !== 'content-type') return 'only content-type may carry a value'
  if (typeof value !== 'string' || value.length > 256 || !isHeaderValue(value))
    return 'the content-type value is not a header value'
  return undefined
}

/** The call's URL: absolute http(s) or ws(s), no user name, another origin than the page's. */
function checkUrl(value: string, pageOrigin: string): string | undefined {
  const url = value.length <= 2048 ? toUrl(value) : undefined
  if (url === undefined || !SCHEMES.has(url.protocol)) return 'url is not an absolute http(s) or ws(s) URL'
  if (url.username !== '' || url.password !== '') return 'url has a user name or password'
  if (url.origin.replace(/^ws/, 'http') === pageOrigin) return "url has the page's own origin"
  return undefined
}

/**
 * Reads a report body strictly: a JSON object with exactly the keys of {@link BlockedCall}, each of
 * its type, a URL of another origin (http, https, ws, wss), a method token, at most 64 headers, and
 * `pageOrigin` equal to `origin` (the dev server's own, which the request's `Origin` also named).
 */
export function parseBlockedCall(text: string, origin: string): ParsedBlockedCall {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'the body is not JSON' }
  }
  if (!isRecord(value)) return { problem: 'the body is not a JSON object' }
  const extra = Object.keys(value).find((key) => !KEYS.includes(key))
  if (extra !== undefined) return { problem: `${JSON.stringify(extra.slice(0, 40))} is not a report field` }
  const { kind, url, method, headers, credentials, pageOrigin } = value
  if (typeof kind !== 'string' || !KINDS.has(kind)) return { problem: 'kind is not a known kind' }
  if (pageOrigin !== origin) return { problem: "pageOrigin is not the dev server's origin" }
  if (typeof url !== 'string') return { problem: 'url is not a string' }
  const urlProblem = checkUrl(url, origin)
  if (urlProblem !== undefined) return { problem: urlProblem }
  if (typeof method !== 'string' || method.length > 32 || !isToken(method))
    return { problem: 'method is not a method token' }
  if (typeof credentials !== 'string' || !CREDENTIALS.has(credentials))
    return { problem: 'credentials is not omit, same-origin or include' }
  if (!Array.isArray(headers) || headers.length > MAX_HEADERS)
    return { problem: `headers is not a list of at most ${MAX_HEADERS}` }
  const headerProblem = headers.map(checkHeader).find((problem) => problem !== undefined)
  if (headerProblem !== undefined) return { problem: headerProblem }
  return {
    call: {
      kind: kind as BlockedCallKind,
      url: new URL(url).href,
      method,
      headers: headers as BlockedCall['headers'],
      credentials: credentials as BlockedCall['credentials'],
      pageOrigin,
    },
  }
}
