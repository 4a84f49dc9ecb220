import { getHeader } from './get-header.ts'
import { SPEC } from './spec.ts'
import type { HeaderList, Reason } from './types.ts'

/**
 * A response whose `Access-Control-Allow-Origin` names one origin (rather than `*`) differs per
 * requesting origin, so it must say `Vary: Origin`: otherwise the browser's cache or a CDN can hand
 * the copy made for one origin to a page on another, which then fails CORS for no visible reason.
 * A warning: the request itself works.
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 */
export function checkVary(headers: HeaderList): Reason[] {
  const allowed = getHeader(headers, 'access-control-allow-origin')
  if (allowed === null || allowed === '*') return []
  const vary = (getHeader(headers, 'vary') ?? '').split(',').map((item) => item.trim().toLowerCase())
  if (vary.includes('origin') || vary.includes('*')) return []
  return [
    {
      code: 'vary-missing',
      severity: 'warn',
      message:
        `The response allows one origin (${allowed}) but has no Vary: Origin, so a cache (the browser's, a ` +
        'CDN, a reverse proxy) may serve it to a page on another origin, which then fails. Add Vary: Origin.',
      standard: SPEC.corsAndCaches,
    },
  ]
}
