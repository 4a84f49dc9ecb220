/** Options for `startBackend`. */
export interface BackendOptions {
  /**
   * The port to listen on; `0` picks a free one (tests).
   * @default 0
   */
  port?: number
  /**
   * The interface to listen on.
   * @default '127.0.0.1'
   */
  host?: string
  /**
   * Receives one line per request (`POST /api/login 303`) and per websocket connection.
   * @default no logging
   */
  log?: (line: string) => void
  /**
   * The session cookie's `Path`. An app that renders pages on the server needs the cookie on its
   * pages too (`'/'`), as a backend behind server-rendered pages scopes it.
   * @default '/api'
   */
  cookiePath?: string
}

/** A running demo backend. */
export interface Backend {
  /** Its own origin, e.g. `http://127.0.0.1:4020`: the origin it redirects to and accepts in `Origin`. */
  readonly url: string
  /** The port it listens on. */
  readonly port: number
  /** Ends open streams and websockets, and stops listening. */
  close(): Promise<void>
}
