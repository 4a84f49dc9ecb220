/**
 * The site's address: with `--listen`, plain HTTP on that port for an http origin (any host; the
 * Host check is a matcher) or the origin's name on it for https; without, the origin itself.
 */
export function toSiteAddress(origin: URL, listen: number | undefined): string {
  if (listen === undefined) return origin.origin
  return origin.protocol === 'http:' ? `http://:${listen}` : `https://${origin.hostname}:${listen}`
}
