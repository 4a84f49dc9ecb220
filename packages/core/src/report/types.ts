import type { DoctorReport } from '../doctor/to-doctor-report.ts'
import type { Fix } from '../doctor/types.ts'

/** The page API whose call failed: `fetch()`, `XMLHttpRequest`, `EventSource` or `WebSocket`. */
export type BlockedCallKind = 'fetch' | 'xhr' | 'eventsource' | 'websocket'

/**
 * A call to another origin that failed in a page, as the report client posts it to the dev server:
 * the request's shape only (no body, no header value but Content-Type's, no cookies).
 */
export interface BlockedCall {
  readonly kind: BlockedCallKind
  /** The absolute URL called (http, https, ws or wss), without its fragment. */
  readonly url: string
  /** The method as the page wrote it (`GET` for EventSource and WebSocket). */
  readonly method: string
  /** The header names the page set, lower-cased; Content-Type as `['content-type', value]`. */
  readonly headers: readonly (string | readonly [name: string, value: string])[]
  /** fetch's `credentials`; XHR and EventSource `withCredentials` → `include`, else `same-origin`. */
  readonly credentials: 'omit' | 'same-origin' | 'include'
  /** The page's origin, which is the dev server's. */
  readonly pageOrigin: string
}

/**
 * What the dev server learned about a blocked call:
 * - `diagnosed`: the doctor's checks ran on the exact request (`report`, with the fixes);
 * - `not-resent`: a method other than GET or HEAD whose request the browser had sent (no preflight
 *   needed, or the preflight passed): it may have reached the backend, and is not sent a second
 *   time; `preflight` says which;
 * - `websocket`: a WebSocket handshake, which CORS does not govern;
 * - `no-answer`: the backend did not answer the check either (`message` says how it failed).
 *
 * Every kind but `diagnosed` carries `fix`, the project's fix (call a route's path, or add a route).
 */
export type BlockedCallDiagnosis =
  | { readonly kind: 'diagnosed'; readonly report: DoctorReport }
  | { readonly kind: 'not-resent'; readonly preflight: 'passed' | 'none'; readonly fix: Fix }
  | { readonly kind: 'websocket'; readonly fix: Fix }
  | { readonly kind: 'no-answer'; readonly message: string; readonly fix: Fix }
