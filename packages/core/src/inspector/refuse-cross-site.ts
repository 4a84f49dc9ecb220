/**
 * Why `request` must not be answered, or `undefined`: any request a browser marks
 * `Sec-Fetch-Site: cross-site` (another site's page reading the log), and a state-changing one
 * (not GET or HEAD) whose `Origin` is missing or not the dev server's own (a cross-site form post).
 * The dev server's own origin is the request URL's: the host check runs before this handler.
 */
export function refuseCrossSite(request: Request): string | undefined {
  if (request.headers.get('sec-fetch-site') === 'cross-site')
    return 'The inspector answers only its own page (Sec-Fetch-Site: cross-site).'
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const origin = request.headers.get('origin')
  const own = new URL(request.url).origin
  if (origin !== own)
    return `The inspector changes state only for its own page: Origin ${origin ?? '(none)'} is not ${own}.`
  return undefined
}
