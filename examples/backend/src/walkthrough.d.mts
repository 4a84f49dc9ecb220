/** Options for `runWalkthrough`. */
export interface WalkthroughOptions {
  /** The dev server's origin, the only one a browser would talk to, e.g. `http://localhost:5173`. */
  devUrl: string
  /** The demo backend's own origin (`startBackend()`'s `url`), called directly to show what it sends. */
  backendUrl: string
  /** Prints one line (without its newline). */
  say: (line: string) => void
  /**
   * Styles the heading line.
   * @default the text unchanged
   */
  bold?: (text: string) => string
  /**
   * `false` on a Fetch host (a Request in, a Response out: no socket to upgrade): the websocket step
   * prints one line saying it is skipped and why, and counts as neither passed nor failed.
   * @default true
   */
  websocket?: boolean
}

/**
 * Runs the README demo's live steps against a dev server that proxies `/api` to the demo backend:
 * no CORS headers from the backend, login (redirect and cookie before and after the rewrite),
 * `/api/me` with the cookie, server-sent events, a websocket echo (skipped with `websocket: false`)
 * and a refused traversal. Prints one line per step through `say`.
 * @returns how many steps failed (0 when all passed)
 */
export declare function runWalkthrough(options: WalkthroughOptions): Promise<number>

/** How a demo run prints and whether it keeps serving. */
export interface DemoSession {
  /** With `--serve`, or in a terminal (TTY, no CI, no `--once`): serve on fixed ports until Ctrl-C. */
  readonly keepServing: boolean
  /** Prints one line. */
  readonly say: (line?: string) => void
  /** Bold in a colour terminal (and without NO_COLOR), the text unchanged otherwise. */
  readonly bold: (text: string) => string
}

/** Output helpers and the serving mode of this demo run. */
export declare function createDemoSession(): DemoSession

/** Options for `finishDemo`. */
export interface FinishDemoOptions {
  readonly session: DemoSession
  /** The dev server's origin. */
  readonly devUrl: string
  /** The demo backend's own origin. */
  readonly backendUrl: string
  /** Stops every server the demo started. */
  readonly close: () => Promise<void>
  /**
   * The line printed when the demo keeps serving.
   * @default `Open <devUrl> in a browser. Ctrl-C stops the demo.`
   */
  readonly hint?: string
  /**
   * `false` on a Fetch host: the walkthrough skips the websocket step (saying why), and the last
   * line says it was skipped.
   * @default true
   */
  readonly websocket?: boolean
}

/**
 * After the servers are up: runs the walkthrough, then keeps serving until Ctrl-C (in a terminal),
 * or closes everything and exits with 0 when every step passed and 1 otherwise.
 */
export declare function finishDemo(options: FinishDemoOptions): Promise<void>

/**
 * On Ctrl-C (SIGINT) or SIGTERM, once: stops every server with `close`, then exits with `code`
 * (1 when stopping failed, with the reason on stderr).
 * @default code 0
 */
export declare function stopOnSignals(close: () => Promise<void>, code?: number): void
