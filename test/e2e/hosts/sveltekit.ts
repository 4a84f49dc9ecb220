import process from 'node:process'
import { findNode24 } from '@sameorigin/test-utils'
import { startCli } from './start-cli.ts'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `vite dev` as a user runs it in a SvelteKit app's folder (its vite.config.ts with `sveltekit()` and
 * `sameorigin()`, src/hooks.server.ts, sameorigin.config.ts and .env), under Node 24 (SvelteKit 3
 * needs Node >= 22.17). Resolves once the first page has rendered.
 */
export function startSvelteKit({ root, log }: StartDevServerOptions): Promise<DevServer> {
  return startCli({
    name: 'vite',
    root,
    log,
    node: findNode24('SvelteKit 3', '22.17'),
    bin: ['vite', 'vite'],
    args: ['dev', '--host', '127.0.0.1', '--port', '0', '--strictPort'],
    env: { ...process.env, NO_COLOR: '1' },
    // `  ➜  Local:   http://127.0.0.1:41234/`
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
    warm: true,
  })
}
