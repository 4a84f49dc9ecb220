import type { DevOrigin } from '../rewrite/types.ts'

/** A dotted-quad IPv4 address, as `toDevOrigin` lets one through (canonical, so no octal or hex forms). */
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/

/**
 * Whether the dev server answers for the host the browser named: the rule Vite and webpack-dev-server
 * apply against DNS rebinding (Vite's `server.allowedHosts`). IP addresses, `localhost` and
 * `*.localhost` always; otherwise a listed name, or a listed `.domain` for the domain and its
 * subdomains. It reads the `DevOrigin` that `toDevOrigin` parsed and checked, so it needs no address
 * parser of its own (and no `node:net`: the Fetch transport runs where there is none).
 * @example isHostAllowed(toDevOrigin({ host: 'app.example.test:5173' }, false)!, ['.example.test']) // true
 */
export function isHostAllowed(dev: DevOrigin, allowedHosts: readonly string[]): boolean {
  const { hostname } = dev
  if (hostname.startsWith('[') || IPV4.test(hostname)) return true
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true
  for (const allowed of allowedHosts) {
    if (allowed === hostname) return true
    if (allowed.startsWith('.') && (allowed.slice(1) === hostname || hostname.endsWith(allowed))) return true
  }
  return false
}
