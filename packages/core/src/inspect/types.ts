/**
 * The inspector's data model: one record per exchange, plain data (JSON as it is, for a live stream),
 * the same from every transport. The log keeps raw values; masking is applied when serving
 * (`maskExchange`), and the proxy's changes are derived from the record (`explainChanges`).
 */

/** One header field as sent or received: a lower-case name and one value (repeated fields repeat). */
export interface HeaderEntry {
  readonly name: string
  readonly value: string
}

/** A message's header fields, in order. */
export type HeaderList = readonly HeaderEntry[]

/**
 * The first bytes of a body (up to the log's `bodyLimit`, 64 KiB by default). Text is kept, decoded
 * as UTF-8; anything else (binary, compressed, not valid UTF-8) only by its size.
 */
export interface CapturedBody {
  /** Bytes seen in all, captured or not. */
  readonly size: number
  /** The first bytes as text, or `undefined` for a binary body (or none). */
  readonly text: string | undefined
  /** `size` went past the limit: `text` holds only the first bytes. */
  readonly truncated: boolean
  /** The body's `Content-Type`, if it had one. */
  readonly mimeType: string | undefined
}

/**
 * Clocks of one exchange, in milliseconds, each `undefined` when the transport cannot see it (the
 * runtime `fetch` client sees no connection).
 */
export interface ExchangeTimings {
  /** Opening the TCP connection (`0` for a pooled one). */
  readonly connect: number | undefined
  /** The TLS handshake, after `connect` (`undefined` over plain http or a pooled connection). */
  readonly tls: number | undefined
  /** From the start until the response head arrived. */
  readonly firstByte: number | undefined
  /** From the start until the last byte went to the browser, or the failure. */
  readonly total: number | undefined
}

/** Why an exchange failed: a `ProxyError`'s code, message and hint. */
export interface ExchangeFailure {
  readonly code: string
  readonly message: string
  readonly hint: string
}

/**
 * Where an exchange is: `pending` (sent, no answer yet), `responding` (the head went to the browser,
 * the body is under way), `done` (ended cleanly), `failed` (ended by `failure`), `blocked` (not an
 * exchange of the proxy: a call the page made to another origin, which the browser blocked and the
 * page reported; see `blocked`).
 */
export type ExchangeState = 'pending' | 'responding' | 'done' | 'failed' | 'blocked'

/**
 * A call the browser blocked in the page, as the report of blocked calls told it (one per shape of
 * call, like the terminal's block). Holds no secret value: the report carries header names only.
 */
export interface BlockedCallEntry {
  /** The page API that made the call. */
  readonly api: 'fetch' | 'xhr' | 'eventsource' | 'websocket'
  /** fetch's `credentials` (XHR and EventSource `withCredentials` → `include`). */
  readonly credentials: 'omit' | 'same-origin' | 'include'
  /** The header names the page set, lower-case; Content-Type as `content-type: <value>`. */
  readonly headers: readonly string[]
  /**
   * How far the dev server's check went: `diagnosed` (the doctor's checks on the exact request),
   * `not-resent` (a request the browser sent itself, never sent again), `websocket` (no CORS),
   * `no-answer` (the backend did not answer the check either).
   */
  readonly check: 'diagnosed' | 'not-resent' | 'websocket' | 'no-answer'
  /** The warning block, exactly as the dev server printed it (without the logger's prefix). */
  readonly verdict: string
  /** The first fix, the project's when there is one; `undefined` when the check found none. */
  readonly fix: { readonly title: string; readonly lines: readonly string[] } | undefined
  /** The `sameorigin doctor` command that asks the same request by hand. */
  readonly command: string
}

/** One request through the proxy, and what became of it. Never mutated: updates make a new record. */
export interface ExchangeRecord {
  /** Increasing from 1 in one log; never reused. */
  readonly id: number
  /** When the request arrived (ms since the epoch). */
  readonly startedAt: number
  readonly state: ExchangeState
  readonly method: string
  /** The request target as the browser sent it: path and query. */
  readonly url: string
  /** The route's id (`/api`), once matched. */
  readonly route: string | undefined
  /** Where the request went (`Match.upstreamUrl`), once matched. */
  readonly upstreamUrl: string | undefined
  /** The origin the browser used (`http://localhost:5173`): the side cookies and redirects are rewritten for. */
  readonly devOrigin: string | undefined
  /** CORS mode answered this request (its answer got the proxy's CORS headers). */
  readonly cors: boolean
  /** The status the browser got. */
  readonly status: number | undefined
  /** From the start until the end, in ms; `undefined` while in flight. */
  readonly duration: number | undefined
  /** Response body bytes that went to the browser. */
  readonly size: number | undefined
  readonly request: {
    /** As the browser sent them. */
    readonly client: HeaderList
    /** As the upstream received them (`undefined` when nothing went upstream). */
    readonly upstream: HeaderList | undefined
    readonly body: CapturedBody | undefined
  }
  readonly response: {
    /** As the upstream (or the mock) sent them. */
    readonly upstream: HeaderList | undefined
    /** As the browser received them. */
    readonly client: HeaderList | undefined
    readonly body: CapturedBody | undefined
  }
  readonly timings: ExchangeTimings
  readonly failure: ExchangeFailure | undefined
  /**
   * The route's mock answered (`x-sameorigin-mock`): the file below the mock folder, or `handler`.
   * The upstream side of `response` is then the mock's.
   */
  readonly mock: string | undefined
  /**
   * A blocked call's report (state `blocked`): `url` is then the absolute URL the page called,
   * `devOrigin` the page's origin, `route` the route that already forwards to that URL (if any),
   * and nothing else of the exchange is known (no status, headers, timings or body).
   */
  readonly blocked: BlockedCallEntry | undefined
}

/** Which message of an exchange a header change is in. */
export type ChangeDirection = 'request' | 'response'

/** Whether a header field was added, removed or given another value. */
export type ChangeKind = 'added' | 'removed' | 'changed'

/**
 * Which rule of the proxy made a change: each is one step of `toUpstreamHeaders`,
 * `toClientHeaders`, `rewriteSetCookie`, CORS mode or a mock's answer.
 */
export type ChangeRule =
  | 'hop-by-hop'
  | 'host'
  | 'forwarded'
  | 'origin'
  | 'cookie-name'
  | 'framing'
  | 'route-headers'
  | 'target-only'
  | 'set-cookie'
  | 'redirect'
  | 'cors'
  | 'mock'
  | 'route-response-headers'

/** One change the proxy made to a header, explained in one line. */
export interface HeaderChange {
  readonly direction: ChangeDirection
  /** The lower-case header name. */
  readonly name: string
  readonly kind: ChangeKind
  readonly rule: ChangeRule
  /** The value before (joined with `, `, or one `Set-Cookie`), `undefined` when added. */
  readonly before: string | undefined
  /** The value after, `undefined` when removed. */
  readonly after: string | undefined
  /** What happened and why, one line: `Domain=staging.example.com removed: …`. */
  readonly explanation: string
}
