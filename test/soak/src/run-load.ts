import { fork } from 'node:child_process'
import { once } from 'node:events'

/** What one autocannon run did. */
export interface LoadResult {
  readonly requests: number
  readonly seconds: number
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  readonly status2xx: number
  /** Milliseconds, autocannon's histogram (whole milliseconds). */
  readonly p99: number
  /** Mean requests per second. */
  readonly rps: number
}

/** A load run: `amount` requests to `url` over `connections` keep-alive connections. */
export interface LoadJob {
  readonly url: string
  readonly amount: number
  readonly connections: number
  /** Seconds autocannon waits for one answer before counting a timeout. */
  readonly timeoutSeconds: number
}

/** The steady part of a run: from every connection open to the last rounds of requests. */
export type LoadPhase = 'steady' | 'ending'

/**
 * Runs `job` with autocannon in its own process (src/load-process.mjs). `onPhase` is told when every
 * connection is open and busy (`steady`) and when the run is about to wind down (`ending`).
 */
export async function runLoad(
  job: LoadJob,
  onPhase: (phase: LoadPhase) => void = () => {},
): Promise<LoadResult> {
  const child = fork(new URL('load-process.mjs', import.meta.url), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  try {
    const result = new Promise<LoadResult>((resolve, reject) => {
      child.on('message', (message: { phase?: LoadPhase; error?: string } & Partial<LoadResult>) => {
        if (message.phase !== undefined) onPhase(message.phase)
        else if (message.error !== undefined) reject(new Error(message.error))
        else resolve(message as LoadResult)
      })
      child.once('exit', (code) => reject(new Error(`the load generator exited with ${String(code)}`)))
    })
    child.send(job)
    return await result
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = once(child, 'exit')
      child.kill()
      await gone
    }
  }
}
