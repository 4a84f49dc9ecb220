import process from 'node:process'
import { coreServer } from '../../conformance/hosts/core-server.ts'
import { viteDev } from '../../conformance/hosts/vite-dev.ts'
import { webpackDevServer5 } from '../../conformance/hosts/webpack-dev-server-5.ts'
import { APP_FIXTURE } from '../../conformance/src/fixtures.ts'
import type { Host } from '../../conformance/src/types.ts'

/** A host the reliability suites run against: the conformance suite's own, started in this process. */
export interface ReliabilityHost {
  /** The host's file name in `test/conformance/hosts/`: its name in the results. */
  readonly name: string
  readonly host: Host
}

/**
 * The engine alone, and the two dev servers most projects use, each with its adapter mounted as
 * users mount it. Their `start` runs the real server in this process, which is what lets a case
 * count both sides' sockets.
 */
export const RELIABILITY_HOSTS: readonly ReliabilityHost[] = [
  { name: 'core-server', host: coreServer },
  { name: 'vite-dev', host: viteDev },
  { name: 'webpack-dev-server-5', host: webpackDevServer5 },
]

/** The app every host serves (the conformance fixture: one `index.html`). */
export const HOST_FIXTURE: string = APP_FIXTURE

/**
 * The hosts this run covers: all of them, or those `RELIABILITY_HOSTS` names (`core-server,vite-dev`).
 * An unknown name is an error, so a typo cannot turn a run into a silent no-op.
 */
export function selectReliabilityHosts(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly ReliabilityHost[] {
  const raw = env.RELIABILITY_HOSTS?.trim()
  if (raw === undefined || raw === '') return RELIABILITY_HOSTS
  const names = raw.split(',').map((name) => name.trim())
  const known = RELIABILITY_HOSTS.map((entry) => entry.name)
  const unknown = names.filter((name) => !known.includes(name))
  if (unknown.length > 0)
    throw new Error(
      `RELIABILITY_HOSTS names unknown hosts: ${unknown.join(', ')}. Known: ${known.join(', ')}.`,
    )
  return RELIABILITY_HOSTS.filter((entry) => names.includes(entry.name))
}
