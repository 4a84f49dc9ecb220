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
}

/**
 * Runs the README demo's live steps against a dev server that proxies `/api` to the demo backend:
 * no CORS headers from the backend, login (redirect and cookie before and after the rewrite),
 * `/api/me` with the cookie, server-sent events, a websocket echo and a refused traversal. Prints one
 * line per step through `say`.
 * @returns how many steps failed (0 when all passed)
 */
export declare function runWalkthrough(options: WalkthroughOptions): Promise<number>
