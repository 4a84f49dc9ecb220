/** A route to add to `sameorigin.config.ts`, and the path the page then calls. */
export interface SuggestedRoute {
  /** The route's key: `/v1`. */
  readonly key: string
  /** Its value as config code: `'https://api.example.com'`, or an object with a rewrite. */
  readonly value: string
  /** The path (and query) the page calls instead of the URL: `/v1/me?x=1`. */
  readonly pagePath: string
}

/**
 * The route that makes the request same-origin: the URL's first path segment, forwarded to the URL's
 * origin, so the page calls the same path on its own origin. A URL at `/` gets `/api`, rewritten away.
 */
export function toRoute(url: string): SuggestedRoute {
  const target = new URL(url)
  const segment = target.pathname.split('/').find((part) => part !== '')
  if (segment === undefined) {
    return {
      key: '/api',
      value: `{ target: '${target.origin}', rewrite: '/:path*' }`,
      pagePath: `/api/${target.search}`,
    }
  }
  return { key: `/${segment}`, value: `'${target.origin}'`, pagePath: `${target.pathname}${target.search}` }
}
