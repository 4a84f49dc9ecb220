import type { ProxyError } from '@sameorigin/core'
import type { ErrorPayload, UpdatePayload, WebSocketServer } from 'vite'
import { toOverlayError } from './to-overlay-error.ts'

/** A config problem shown in Vite's error overlay, from {@link createProblemOverlay}. */
export interface ProblemOverlay {
  /** Shows `problem` (from `file`) in every open page; `undefined` clears it. */
  readonly report: (problem: ProxyError | undefined, file: string | undefined) => void
  /** Stops showing the problem to pages that connect later. */
  readonly close: () => void
}

/**
 * An `update` with nothing to update: Vite's client closes its error overlay on every `update`. On
 * the first `update` a page receives while an overlay is open, the client reloads the page instead (it
 * takes the error for one of the page's first load), so the problem is shown after such an empty
 * `update`: the page then counts as updated, and the fix closes the overlay without a reload.
 */
const EMPTY_UPDATE: UpdatePayload = { type: 'update', updates: [] }

/**
 * Shows a config problem in Vite's error overlay, on the pages of a dev server: an `error` payload
 * sent on the HMR socket to each open page, and to each page that connects while the problem stands
 * (a reloaded page shows it again); an empty `update` closes it once an edit fixes the config.
 * Payloads go to each client rather than through `ws.send`, which would keep an `error` sent while no
 * page is open and show it, even once fixed, to the next page that connects.
 * `server.hmr.overlay: false` makes Vite's client print the problem in the browser console instead.
 */
export function createProblemOverlay(ws: WebSocketServer): ProblemOverlay {
  let shown: string | undefined
  const onConnection = (socket: { send: (data: string) => void }): void => {
    if (shown !== undefined) socket.send(shown)
  }
  ws.on('connection', onConnection)
  return {
    report(problem, file) {
      if (problem === undefined) {
        if (shown === undefined) return
        shown = undefined
        for (const client of ws.clients) client.send(EMPTY_UPDATE)
        return
      }
      const payload: ErrorPayload = { type: 'error', err: toOverlayError(problem, file) }
      shown = JSON.stringify(payload)
      for (const client of ws.clients) {
        client.send(EMPTY_UPDATE)
        client.send(payload)
      }
    },
    close: () => ws.off('connection', onConnection),
  }
}
