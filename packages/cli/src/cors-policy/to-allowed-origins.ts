import { createError } from '@sameorigin/core'
import { isLoopbackOrigin } from './is-loopback-origin.ts'
import type { AllowedOrigins, ObservedRequest, PolicyReason } from './types.ts'

/** Where the exact origins came from, for the reasons: `--origin`, `SAMEORIGIN_CORS_ORIGINS in .env.production`. */
export interface OriginInput {
  readonly origin: string
  readonly from: string
}

/** The mode that allows the dev servers' loopback origins. */
export const DEVELOPMENT_MODE = 'development'

const HINT = 'sameorigin cors-policy --har app.har --origin https://app.example.com --for express'

/** The serialized origin of `value`, or a `ERR_CLI_ARGUMENT_INVALID` naming where it came from. */
function toOrigin({ origin: value, from }: OriginInput): string {
  if (value.trim() === '*')
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `${from} is "*": a least-privilege policy names its origins (and "*" never works with credentials).`,
      hint: HINT,
    })
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `${from} "${value}" is not an origin.`,
      hint: HINT,
    })
  }
  const extra = url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== ''
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || extra)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `${from} "${value}" must be an http: or https: origin, with no path, query or user (${url.origin}).`,
      hint: HINT,
    })
  return url.origin
}

/**
 * The origins the backend allows in `mode`, with why. In development: every loopback origin on any
 * port (the dev servers' pages move between ports), plus the exact origins given and the other page
 * origins the recording shows (`http://app.test:5173`). In any other mode: exactly the origins given
 * (`--origin`, `SAMEORIGIN_CORS_ORIGINS` in `.env.[mode]`); none is an error, never `*`.
 * @throws ProxyError `ERR_CLI_ARGUMENT_INVALID` for `*`, a value that is not an origin, or no origin outside development.
 */
export function toAllowedOrigins(
  mode: string,
  given: readonly OriginInput[],
  requests: readonly ObservedRequest[],
): { origins: AllowedOrigins; reasons: PolicyReason[] } {
  const reasons: PolicyReason[] = []
  const exact = new Map<string, string>()
  for (const input of given) exact.set(toOrigin(input), `given by ${input.from}`)
  const development = mode === DEVELOPMENT_MODE
  for (const request of requests) {
    const page = request.pageOrigin
    if (page === undefined || exact.has(page) || isLoopbackOrigin(page)) continue
    if (development)
      exact.set(page, `the page origin of ${request.method} ${request.url} (${request.source})`)
  }
  if (development)
    reasons.push({
      part: 'origins',
      value: 'http://localhost:*, http://127.0.0.1:*, http://[::1]:*',
      why: 'development: any port on this machine over http, where dev servers serve the pages (they move between ports)',
    })
  else if (exact.size === 0)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `The ${mode} policy needs the exact origins of the app's pages: none was given.`,
      hint: `Pass --origin https://app.example.com (repeatable), or set SAMEORIGIN_CORS_ORIGINS in .env.${mode}; --mode development allows the local dev servers.`,
    })
  for (const [origin, why] of exact) reasons.push({ part: 'origins', value: origin, why })
  const seen = [...new Set(requests.map((request) => request.pageOrigin))]
  for (const page of seen)
    if (!development && page !== undefined && !exact.has(page))
      reasons.push({
        part: 'origins',
        value: `not ${page}`,
        why: `the recording's page origin, left out of the ${mode} policy (only the origins given are allowed)`,
      })
  return { origins: { exact: [...exact.keys()].toSorted(), loopback: development }, reasons }
}
