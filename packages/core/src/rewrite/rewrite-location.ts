import { mapDevPath } from './map-dev-path.ts'

/** What {@link rewriteLocation} needs to know about the response being rewritten. */
export interface RewriteLocationContext {
  /** The route target's origin (`ResolvedTarget.origin`): only URLs on it are rewritten. */
  readonly targetOrigin: string
  /** The upstream URL the response answers (`Match.upstreamUrl`), against which relative values resolve. */
  readonly requestUrl: string
  /** The route's reverse mapping (`ResolvedRoute.toDevPath`). */
  readonly toDevPath: (upstreamPath: string) => string | undefined
}

const SLASH = 47
const BACKSLASH = 92

/**
 * Rewrites a `Location` or `Content-Location` value (or the URL of a `Refresh`) that points at the
 * target so that it points at the dev server.
 *
 * The value is resolved against `requestUrl` (RFC 9110 §10.2.2 and §8.7 allow relative references;
 * `https://s/v1/login`, `//s/v1/login`, `/v1/login` and `login` are all understood). When the result is
 * on the target's origin (scheme, host and port; `:443` equals no port), its path goes through
 * `toDevPath`, and the answer is an **origin-relative** reference: `/api/login?next=/x#h`.
 * - Relative, not `http://localhost:5173/api/login`: the browser resolves it against the URL it
 *   actually requested, so it stays right behind a tunnel, a container port mapping or an HTTPS
 *   front (Codespaces, ngrok), where the dev server's own idea of its origin is wrong.
 * - A path `toDevPath` cannot map (outside the target's base path) keeps its path on the dev origin:
 *   `https://s/dashboard` → `/dashboard`. The same host serving pages besides the API is usually the
 *   deployed frontend, which the dev server is standing in for.
 * - A path that would begin with `//` gets `/.` in front, so it cannot read as a network-path
 *   reference to another host (the URL Standard serialises such paths the same way).
 *
 * Anything else (another host, another scheme or port, `mailto:`, malformed) is returned unchanged.
 * Never throws. The query and fragment are re-serialised by the URL parser (same meaning, possibly
 * different percent-encoding).
 * @example rewriteLocation('https://staging.example.com/v1/login?next=/x#h', {
 *   targetOrigin: 'https://staging.example.com',
 *   requestUrl: 'https://staging.example.com/v1/session',
 *   toDevPath: route.toDevPath, // '/api' → 'https://staging.example.com/v1'
 * }) // → '/api/login?next=/x#h'
 */
export function rewriteLocation(value: string, context: RewriteLocationContext): string {
  if (value === '') return value
  let url: URL
  try {
    url = new URL(value, context.requestUrl)
  } catch {
    return value
  }
  if (url.origin !== context.targetOrigin) return value
  const path = mapDevPath(context.toDevPath, url.pathname) ?? url.pathname
  const second = path.charCodeAt(1)
  const safe = second === SLASH || second === BACKSLASH ? `/.${path}` : path
  return safe + url.search + url.hash
}
