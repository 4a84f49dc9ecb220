/**
 * Put in front of a cookie name that carries a `__Secure-`, `__Host-` or `__Http-` prefix when the dev
 * server is plain http, and taken off again on the way back upstream.
 *
 * Browsers store such cookies only with `Secure`, from a secure origin (RFC 6265bis "Cookie Name Prefixes"; `__Http-`
 * in draft-ietf-httpbis-layered-cookies), and on plain http `Secure` has to go: Safari ignores
 * `Secure` cookies even on `http://localhost`, every browser ignores them on a LAN address or a custom
 * host name (microsoft/playwright#36268), and Chromium refuses the prefixes even on `http://localhost`
 * (httpwg/http-extensions#2605). `sameorigin-__Host-sid` is an ordinary name that every browser
 * accepts, and the backend still receives `__Host-sid`. The cost: page scripts see the marked name in
 * `document.cookie` (these cookies are nearly always `HttpOnly`).
 */
export const SECURE_COOKIE_MARKER = 'sameorigin-'
