import { toAllowedHeaders } from './to-allowed-headers.ts'
import { DEVELOPMENT_MODE, toAllowedOrigins } from './to-allowed-origins.ts'
import type { OriginInput } from './to-allowed-origins.ts'
import { toCredentials } from './to-credentials.ts'
import { toExposeHeaders } from './to-expose-headers.ts'
import type { CorsPolicy, ObservedRequest, PolicyReason, SourceEvidence } from './types.ts'

/** What {@link inferCorsPolicy} decides from. */
export interface InferCorsPolicyInput {
  /** `production` (exact origins only) or `development` (the dev servers' loopback origins too). */
  readonly mode: string
  /** The app's calls, from the recordings. */
  readonly requests: readonly ObservedRequest[]
  /** The exact origins given (`--origin`, `SAMEORIGIN_CORS_ORIGINS`). */
  readonly origins: readonly OriginInput[]
  /** What the app's source shows (`--src`), when it was scanned. */
  readonly source?: SourceEvidence
  /** Request headers to allow besides the recorded ones (`--header`). */
  readonly headers?: readonly string[]
  /** Allow credentials whatever the evidence (`--credentials`). @default false */
  readonly credentials?: boolean
  /** `Access-Control-Max-Age` in seconds. @default 7200 outside development, 600 in it */
  readonly maxAge?: number
}

/** Chromium caps a preflight's cache at 2 hours (Firefox at 24): a longer Max-Age buys nothing there. */
const PRODUCTION_MAX_AGE = 7200
/** Short, so a change to the backend's policy shows in development within minutes. */
const DEVELOPMENT_MAX_AGE = 600

/** The methods the app uses, each with the first call that used it. */
function toMethods(requests: readonly ObservedRequest[]): { methods: string[]; reasons: PolicyReason[] } {
  const first = new Map<string, { count: number; on: string }>()
  for (const request of requests) {
    const seen = first.get(request.method)
    if (seen === undefined) first.set(request.method, { count: 1, on: `${request.method} ${request.url}` })
    else seen.count += 1
  }
  const methods = [...first.keys()].toSorted()
  return {
    methods,
    reasons: methods.map((method) => {
      const { count, on } = first.get(method) ?? { count: 0, on: '' }
      return { part: 'methods', value: method, why: `the app sends it (${count}×, first ${on})` }
    }),
  }
}

/**
 * The least-privilege CORS policy for what the app was recorded doing: its origins for the mode, the
 * methods and non-safelisted request headers it sends, credentials only with evidence of cookies or
 * HTTP auth, the response headers it (may) read, a Max-Age and `Vary: Origin`; every part with why.
 * Pure: the command reads the files and the env, this decides.
 * @throws ProxyError `ERR_CLI_ARGUMENT_INVALID` for origins that cannot be allowed (see `toAllowedOrigins`).
 */
export function inferCorsPolicy(input: InferCorsPolicyInput): CorsPolicy {
  const { origins, reasons: originReasons } = toAllowedOrigins(input.mode, input.origins, input.requests)
  const { methods, reasons: methodReasons } = toMethods(input.requests)
  const allow = toAllowedHeaders(input.requests, input.headers ?? [])
  const { credentials, reasons: credentialReasons } = toCredentials(
    input.requests,
    input.source,
    input.credentials === true,
  )
  const expose = toExposeHeaders(input.requests, input.source)
  const development = input.mode === DEVELOPMENT_MODE
  const maxAge = input.maxAge ?? (development ? DEVELOPMENT_MAX_AGE : PRODUCTION_MAX_AGE)
  const maxAgeWhy =
    input.maxAge !== undefined
      ? 'given by --max-age'
      : development
        ? 'development: short, so a change to the policy shows within minutes'
        : "Chromium's cap (2 hours): browsers ask again at most this often; longer buys nothing there"
  return {
    mode: input.mode,
    origins,
    methods,
    allowHeaders: allow.headers,
    credentials,
    exposeHeaders: expose.headers,
    maxAge,
    reasons: [
      ...originReasons,
      ...methodReasons,
      ...allow.reasons,
      ...credentialReasons,
      ...expose.reasons,
      { part: 'max-age', value: `${maxAge} s`, why: maxAgeWhy },
      {
        part: 'vary',
        value: 'Vary: Origin',
        why: 'each allowed origin gets its own Access-Control-Allow-Origin, so caches must keep one answer per Origin',
      },
    ],
  }
}
