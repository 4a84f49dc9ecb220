import process from 'node:process'
import type { StartDevServer } from './types.ts'
import { startVite } from './vite.ts'

export type { DevServer, StartDevServer, StartDevServerOptions } from './types.ts'

/** The dev servers the browser tests can run an example in; the webpack and Next adapters add theirs. */
const HOSTS: Readonly<Record<string, StartDevServer>> = { vite: startVite }

/** The host named by `E2E_HOST` (default `vite`); an unknown name is an error, never a silent default. */
export function selectHost(name: string = process.env.E2E_HOST || 'vite'): {
  name: string
  start: StartDevServer
} {
  const start = Object.hasOwn(HOSTS, name) ? HOSTS[name] : undefined
  if (start === undefined) {
    throw new Error(
      `E2E_HOST=${name} is not a host the browser tests know: use one of ${Object.keys(HOSTS).join(', ')}`,
    )
  }
  return { name, start }
}
