import { CORS_SAFELISTED_RESPONSE_HEADERS as SAFELISTED_RESPONSE_HEADERS } from '../rewrite/cors.ts'
import { extractHeaderListValues } from './extract-header-list-values.ts'
import { SPEC } from './spec.ts'
import type { CredentialsMode, HeaderList, Reason } from './types.ts'

/** Never readable by page scripts, not even same-origin. */
const FORBIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2'])

/**
 * Headers a page has no use for (connection management, CORS itself, security policies the browser
 * applies): hiding them is not worth a warning.
 */
const NOT_WORTH_EXPOSING = new Set([
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'alt-svc',
  'connection',
  'content-security-policy',
  'content-security-policy-report-only',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'date',
  'keep-alive',
  'nel',
  'permissions-policy',
  'referrer-policy',
  'report-to',
  'server',
  'strict-transport-security',
  'timing-allow-origin',
  'transfer-encoding',
  'vary',
  'via',
  'x-content-type-options',
  'x-frame-options',
  'x-powered-by',
  'x-xss-protection',
])

/** What {@link checkExposeHeaders} found. */
export interface ExposeHeadersResult {
  /** Response headers the page can read, lower-cased. */
  readonly readable: string[]
  /** Response headers the page cannot read and might want (infrastructure headers left out), as spelled. */
  readonly hidden: string[]
  readonly reasons: Reason[]
}

/**
 * Which response headers the page's script can read: the safelisted ones, plus those named in
 * `Access-Control-Expose-Headers` (`*` means all, but only without credentials). Warns about the
 * others that look like the page's business (`X-Total-Count`, `ETag`, `Location`...).
 * @see https://fetch.spec.whatwg.org/#http-access-control-expose-headers
 */
export function checkExposeHeaders(headers: HeaderList, credentials: CredentialsMode): ExposeHeadersResult {
  const exposed = extractHeaderListValues(headers, 'access-control-expose-headers')
  const listed = new Set(
    exposed === 'failure' || exposed === null ? [] : exposed.map((name) => name.toLowerCase()),
  )
  const all = listed.has('*') && credentials === 'omit'
  // First spelling seen wins, so the advice reads as the server wrote it (X-Total-Count).
  const spelled = new Map<string, string>()
  for (const [name] of headers) if (!spelled.has(name.toLowerCase())) spelled.set(name.toLowerCase(), name)
  const names = [...spelled.keys()]
  const readable = names.filter(
    (name) =>
      !FORBIDDEN_RESPONSE_HEADERS.has(name) &&
      (SAFELISTED_RESPONSE_HEADERS.has(name) || all || listed.has(name)),
  )
  const hidden = names
    .filter(
      (name) =>
        !readable.includes(name) && !FORBIDDEN_RESPONSE_HEADERS.has(name) && !NOT_WORTH_EXPOSING.has(name),
    )
    .map((name) => spelled.get(name) ?? name)
  const reasons: Reason[] = []
  if (listed.has('*') && credentials === 'include') {
    reasons.push({
      code: 'expose-wildcard-credentials',
      severity: 'warn',
      message:
        "Access-Control-Expose-Headers is '*', which with credentials exposes only a header literally named " +
        "'*'. List the headers by name.",
      standard: SPEC.exposeHeaders,
    })
  }
  if (hidden.length > 0) {
    reasons.push({
      code: 'expose-hidden',
      severity: 'warn',
      message:
        `The page cannot read ${hidden.length > 1 ? 'these response headers' : 'this response header'}: ` +
        `${hidden.join(', ')} (response.headers.get() returns null). If it needs ${hidden.length > 1 ? 'them' : 'it'}: ` +
        `Access-Control-Expose-Headers: ${hidden.join(', ')}.`,
      standard: SPEC.exposeHeaders,
    })
  }
  return { readable, hidden, reasons }
}
