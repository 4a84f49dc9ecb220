import { isPotentiallyTrustworthy } from './is-potentially-trustworthy.ts'
import { SPEC } from './spec.ts'
import type { Reason } from './types.ts'

/**
 * Mixed content: an https page may not fetch a plain `http:` URL (unless it is loopback, which is
 * potentially trustworthy). Browsers refuse it before any CORS processing, without sending anything.
 * @see https://w3c.github.io/webappsec-mixed-content/#should-block-fetch
 */
export function checkMixedContent(pageOrigin: string, url: string): Reason[] {
  const page = new URL(pageOrigin)
  const target = new URL(url)
  if (page.protocol !== 'https:' || isPotentiallyTrustworthy(target)) return []
  return [
    {
      code: 'mixed-content',
      severity: 'block',
      message:
        `The page is served over https (${pageOrigin}) and the request goes to plain http (${target.origin}): ` +
        'the browser blocks it as mixed content before sending anything. Call the backend over https, or ' +
        'route it through the dev server.',
      standard: SPEC.mixedContent,
    },
  ]
}
