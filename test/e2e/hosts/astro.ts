import { findNode24 } from '@sameorigin/test-utils'
import { startCli, withoutVitest } from './start-cli.ts'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `astro dev` as a user runs it, in the example's folder (astro.config.mjs with `sameorigin()`,
 * sameorigin.config.ts and .env), under Node 24 (Astro 7 needs Node >= 22.23). Without Vitest's
 * variables: Astro's dev server installs no page handler when it sees `VITEST`.
 */
export function startAstro({ root, log }: StartDevServerOptions): Promise<DevServer> {
  return startCli({
    name: 'astro',
    root,
    log,
    node: findNode24('Astro 7', '22.23'),
    bin: ['astro', 'astro'],
    // `--force`: Astro refuses a second `astro dev` in one project; one left by an interrupted run is replaced.
    args: ['dev', '--host', '127.0.0.1', '--port', '0', '--force'],
    env: withoutVitest({ NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1' }),
    // `┃ Local    http://127.0.0.1:41234/` (coloured when Astro sees CI=true)
    ready: /Local\s+(http:\/\/127\.0\.0\.1:\d+)/,
  })
}
