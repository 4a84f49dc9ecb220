import type { IncomingMessage, ServerResponse } from 'node:http'
import type { StartedHost } from './types.ts'

/** What {@link watchAborts} returns. */
export interface AbortWatch {
  /** The URLs of the upstream requests aborted so far. */
  readonly aborted: string[]
  /** Call from the upstream's handler for each request to watch. */
  readonly watch: (req: IncomingMessage, res: ServerResponse) => void
  /** Resolves once `count` upstream requests were aborted. */
  readonly until: (count: number) => Promise<void>
}

/**
 * Records the upstream requests the proxy aborted (closed before their answer ended), for the tests
 * where a client leaves: call `watch(req, res)` from the upstream's handler.
 */
export function watchAborts(): AbortWatch {
  const aborted: string[] = []
  const waiting: (() => void)[] = []
  return {
    aborted: aborted,
    watch(req: IncomingMessage, res: ServerResponse): void {
      res.once('close', () => {
        if (res.writableFinished) return
        aborted.push(req.url ?? '')
        for (const wake of waiting.splice(0)) wake()
      })
    },
    /** Resolves once `count` upstream requests were aborted. */
    async until(count: number): Promise<void> {
      while (aborted.length < count) await new Promise<void>((resolve) => waiting.push(resolve))
    },
  }
}

/** What the host logged at `warn` or above. */
export function warnings(app: StartedHost): string[] {
  return app.logs.lines.filter((line) => line.level !== 'info').map((line) => line.message)
}
