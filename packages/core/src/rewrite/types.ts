/**
 * Shapes shared by the header rewriters. Plain records, so the Node engine (`IncomingMessage.headers`,
 * `res.writeHead`) and a Web `Request`/`Response` adapter (through `Object.fromEntries(headers)` and
 * `headers.getSetCookie()`) can both use them.
 */

/**
 * Headers as received: lower-case names, as Node's `IncomingHttpHeaders`. Arrays hold repeated fields
 * (Node only keeps `set-cookie` as an array). Never mutated by the rewriters.
 */
export type ReadonlyHeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * Headers as produced: lower-case names, no `undefined` values, a fresh object (null prototype, so a
 * header named `__proto__` is just a header) that the caller owns. Fits `OutgoingHttpHeaders`.
 */
export type HeaderRecord = Record<string, string | string[]>

/** The origin the browser used to reach the dev server, derived once per request by `toDevOrigin`. */
export interface DevOrigin {
  /** `https:` when the browser's connection to the dev server is TLS. */
  readonly protocol: 'http:' | 'https:'
  /** `host[:port]` as the browser sent it in `Host` (lower-cased): `localhost:5173`. */
  readonly host: string
  /** The host name without port; IPv6 keeps its brackets (`[::1]`). */
  readonly hostname: string
  /** The port, always filled in (`80` / `443` when `Host` had none). */
  readonly port: number
  /** `protocol//host`, default port omitted, as browsers serialise `Origin`: `http://localhost:5173`. */
  readonly origin: string
}
