import type { Connect } from 'vite'

/**
 * Vite's guards, the first entries of its stack: the `vite:time` debug timer, the `#`-in-URL
 * rejection and the `Host` check that protects against DNS rebinding (`server.allowedHosts`;
 * `hostValidationMiddleware` since Vite 7, `viteHostCheckMiddleware` in Vite 6). Proxied requests
 * must pass them as every other request does.
 */
const GUARDS: ReadonlySet<string> = new Set([
  'viteTimeMiddleware',
  'viteRejectInvalidRequestMiddleware',
  'hostValidationMiddleware',
  'viteHostCheckMiddleware',
])

/**
 * The `cors` package's middleware (`server.cors`, on by default). It ends every `OPTIONS` request
 * with 204, so a backend behind a proxied path would never see a preflight.
 */
const CORS = 'corsMiddleware'

/** The function's name without the `$1` suffixes bundlers add when names collide (Vite 7 ships `corsMiddleware$2`). */
function nameOf(handle: Connect.ServerHandle): string {
  // A handle can also be a mounted http.Server, which has no name to match.
  return typeof handle === 'function' ? handle.name.replace(/(\$\d+)+$/, '') : ''
}

/**
 * Moves the proxy middleware (already `use`d) to run right after Vite's guards and before everything
 * else, and Vite's CORS middleware to run right after it:
 *
 * `viteRejectInvalidRequestMiddleware` → `hostValidationMiddleware` → **proxy** → `corsMiddleware` → …
 *
 * Vite installs CORS before its host check and has no hook between them: in Vite 7 and 8 both come
 * before `configureServer` runs, so a plain `use()` lands after CORS, which answers every `OPTIONS`
 * itself; in Vite 6 both come after the hook, so a plain `use()` lands before the host check.
 * Entries are found by function name, so a missing one (`cors: false`, `allowedHosts: true`,
 * `server.https`) changes nothing else; with no guard found the proxy takes CORS's place, with neither
 * it stays where it is. Placing twice gives the same order. The stack is Vite's own array, rearranged
 * in place: nothing is wrapped or removed.
 */
export function placeProxyMiddleware(stack: Connect.ServerStackItem[], handle: Connect.ServerHandle): void {
  const ownIndex = stack.findIndex((item) => item.handle === handle)
  if (ownIndex === -1) return
  const [own] = stack.splice(ownIndex, 1)
  const corsIndex = stack.findIndex((item) => nameOf(item.handle) === CORS)
  const cors = corsIndex === -1 ? [] : stack.splice(corsIndex, 1)
  let at = -1
  stack.forEach((item, index) => {
    if (GUARDS.has(nameOf(item.handle))) at = index + 1
  })
  if (at === -1) at = corsIndex === -1 ? ownIndex : corsIndex
  stack.splice(at, 0, own!, ...cors)
}
