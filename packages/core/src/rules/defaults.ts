import type { LogLevel } from '../types.ts'

/** Every default, in one place. Each field's reason is next to it. */
export const DEFAULTS: Readonly<{
  logLevel: LogLevel
  ws: boolean
  timeout: number
  connectTimeout: number
  changeOrigin: boolean
  xfwd: boolean
  rewriteOrigin: boolean
  cookies: boolean
  redirects: boolean
  secure: boolean
  mockMode: 'fallback'
  mockStatuses: readonly number[]
  mockKeepSecrets: boolean
  inspector: Readonly<{ capacity: number; bodyLimit: number }>
}> = Object.freeze({
  /** The startup route table and warnings; per-request lines only when asked for. */
  logLevel: 'info',
  /** Websockets "just work" on a route; the host's HMR socket is excluded by the adapter. */
  ws: true,
  /** Two minutes of upstream silence, as httpxy and http-proxy; event streams are exempt after headers. */
  timeout: 120_000,
  /** Long enough for a VPN'd staging host, short enough that a dropped SYN is reported, not waited on. */
  connectTimeout: 10_000,
  /** Backends behind virtual hosts and CDNs route by Host; the dev server's Host means nothing to them. */
  changeOrigin: true,
  /** Lets the backend build absolute URLs for the dev origin. */
  xfwd: true,
  /** Backends with CSRF/origin checks reject `Origin: http://localhost:5173`. */
  rewriteOrigin: true,
  /** Without it, login cookies scoped to the staging domain are dropped by the browser. */
  cookies: true,
  /** Without it, a login redirect takes the browser to the staging host. */
  redirects: true,
  /** Certificates are verified; `ca` is the better answer to self-signed ones. */
  secure: true,
  /** Use the backend when it answers, the recordings when it cannot: the mock never hides a live backend. */
  mockMode: 'fallback',
  /** The gateway statuses: what a proxy in front of a backend that is down or deploying answers. */
  mockStatuses: Object.freeze([502, 503, 504]),
  /** Mock folders are often committed: cookies and tokens stay out of them unless asked. */
  mockKeepSecrets: false,
  /**
   * A morning of clicking around, in a few MiB: 500 exchanges with 64 KiB of each body (a JSON
   * answer whole, a bundle by its size). Measured in the benchmark: RSS stays within 32 MiB of off.
   */
  inspector: Object.freeze({ capacity: 500, bodyLimit: 64 * 1024 }),
})
