import type { UserConfig } from '@sameorigin/core'
import { describe, it as vitestIt, onTestFinished } from 'vitest'
import type { Gap, Running, StartOptions, Transport } from './transports.ts'
import { TRANSPORTS } from './transports.ts'

/** What a case gets: its transport, a way to start it, and `it` skipping where the transport has a gap. */
export interface TransportContext {
  readonly transport: Transport
  /** Starts the transport for `config`; stopped when the test finishes. */
  readonly start: (config: UserConfig, options?: StartOptions) => Promise<Running>
  /** `it`, or `it.skip` with the gap's reason in the title where the transport declares `gap`. */
  readonly it: (title: string, fn: () => Promise<void>, needs?: Gap) => void
}

/**
 * Runs one block of cases once per transport (h3's `describeMatrix`): titles get the transport's
 * name, and a case that needs what a transport declares as a gap is skipped there, its reason shown.
 * `TRANSPORTS_ONLY=fetch` (a part of the name) narrows the run.
 */
export function describeTransports(title: string, body: (context: TransportContext) => void): void {
  const only = process.env.TRANSPORTS_ONLY
  for (const transport of TRANSPORTS) {
    if (only !== undefined && !transport.name.includes(only)) continue
    describe(`${title} [${transport.name}]`, () => {
      body({
        transport,
        async start(config, options) {
          const running = await transport.start(config, options)
          onTestFinished(() => running.close())
          return running
        },
        it(caseTitle, fn, needs) {
          const gap = needs === undefined ? undefined : transport.gaps[needs]
          // oxlint-disable-next-line vitest/expect-expect, vitest/valid-title -- this defines the caller's test: the assertions and title are theirs
          vitestIt.skipIf(gap !== undefined)(gap === undefined ? caseTitle : `${caseTitle} (gap: ${gap})`, fn)
        },
      })
    })
  }
}
