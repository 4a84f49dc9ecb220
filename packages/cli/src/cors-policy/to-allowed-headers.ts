import { maskHeaderValue } from '@sameorigin/core'
import { corsUnsafeRequestHeaderNames, isCorsSafelistedRequestHeader } from '@sameorigin/core/doctor'
import type { ObservedRequest, PolicyReason } from './types.ts'

/** A recorded value as printed: secrets masked (a browser's HAR has them), long ones cut. */
function shown(name: string, value: string): string {
  const masked = maskHeaderValue(name, value)
  return masked.length > 40 ? `${masked.slice(0, 40)}…` : masked
}

const where = (request: ObservedRequest): string => `${request.method} ${request.url}`

/**
 * The request headers the backend allows (`Access-Control-Allow-Headers`): the ones the page's code
 * sent that are not CORS-safelisted (the Fetch standard's rules, as the core's doctor applies them:
 * `Content-Type: application/json` needs allowing, `Accept` does not), plus those given by `--header`.
 * Every header left out is named with why: safelisted, or set by the browser itself.
 */
export function toAllowedHeaders(
  requests: readonly ObservedRequest[],
  extra: readonly string[],
): { headers: string[]; reasons: PolicyReason[] } {
  const allowed = new Map<string, string>()
  const left = new Map<string, string>()
  for (const name of extra) allowed.set(name.toLowerCase(), 'given by --header')
  for (const request of requests) {
    const unsafe = new Set(corsUnsafeRequestHeaderNames(request.headers))
    for (const [name, value] of request.headers) {
      const lower = name.toLowerCase()
      if (unsafe.has(lower) && !allowed.has(lower)) {
        const kind = isCorsSafelistedRequestHeader(name, value)
          ? 'safelisted alone, but the safelisted values add up to more than 1024 bytes'
          : `${name}: ${shown(name, value)} is not CORS-safelisted`
        allowed.set(lower, `the page sets it on ${where(request)} (${kind})`)
      } else if (!unsafe.has(lower) && !allowed.has(lower) && !left.has(lower))
        left.set(lower, 'CORS-safelisted: a browser sends them without asking')
    }
    for (const { name, why } of request.browserHeaders) if (!left.has(name)) left.set(name, why)
  }
  const reasons: PolicyReason[] = []
  for (const [name, why] of allowed) reasons.push({ part: 'headers', value: name, why })
  // One line per reason: the browser's own headers are many, and all left out for the same reason.
  const grouped = new Map<string, string[]>()
  for (const [name, why] of left)
    if (!allowed.has(name)) grouped.set(why, [...(grouped.get(why) ?? []), name])
  for (const [why, names] of grouped) reasons.push({ part: 'headers', value: `not ${names.join(', ')}`, why })
  return { headers: [...allowed.keys()].toSorted(), reasons }
}
