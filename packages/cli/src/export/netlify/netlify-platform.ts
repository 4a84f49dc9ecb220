import type { PlatformProxy } from '../find-platform-losses.ts'

/**
 * What Netlify's proxy rewrites (`status = 200` to an external URL) carry: fixed request headers
 * (`headers` on the rule, netlify.toml only); custom response headers apply to the files Netlify serves,
 * never to proxied answers.
 */
export const netlifyPlatform: PlatformProxy = {
  name: 'Netlify',
  instead:
    "sameorigin export cloudflare (a Worker running the engine), or a Netlify Edge Function answering with createFetchProxy(config) from '@sameorigin/core/fetch'",
  // Netlify's matcher is not published and its documentation does not say either way.
  caseWhy:
    'Netlify does not document that rules match paths in the case they are written (/API/x may be forwarded like /api/x)',
  setsRequestHeaders: true,
  removesRequestHeaders: false,
  responseHeaders: false,
  timeoutWhy:
    'Netlify ends a proxied request after 26 seconds (its documented limit), whatever the route says',
}
