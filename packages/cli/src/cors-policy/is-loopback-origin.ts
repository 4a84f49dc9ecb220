/**
 * The dev servers' origins: `http://localhost`, `http://127.0.0.1` or `http://[::1]` on any port.
 * The renderers write this same pattern into each output (a RegExp, a `map` regex), so what the
 * inference calls local is what the backend allows.
 */
export const LOOPBACK_ORIGIN_SOURCE: string = String.raw`^http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$`

const LOOPBACK = new RegExp(LOOPBACK_ORIGIN_SOURCE)

/** True for an origin {@link LOOPBACK_ORIGIN_SOURCE} matches. */
export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK.test(origin)
}
