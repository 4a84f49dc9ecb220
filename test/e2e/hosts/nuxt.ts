import process from 'node:process'
import { findNode24 } from '@sameorigin/test-utils'
import { startCli } from './start-cli.ts'
import type { DevServer, StartDevServerOptions } from './types.ts'

/** The suite's environment without what makes Nuxt think it runs under a test runner (consola then prints warnings only). */
function toNuxtEnv(): NodeJS.ProcessEnv {
  const {
    TEST: _test,
    VITEST: _vitest,
    VITEST_MODE: _mode,
    VITEST_POOL_ID: _pool,
    VITEST_WORKER_ID: _worker,
    ...env
  } = process.env
  return { ...env, NODE_ENV: 'development', NUXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }
}

/**
 * `nuxt dev` as a user runs it, in the example's folder (nuxt.config.ts with `@sameorigin/nuxt`,
 * sameorigin.config.ts and .env), under Node 24 (Nuxt 4.6 needs ^22.22.3 || ^24.15). `--no-fork`:
 * one process to stop. Resolves once Nuxt says it is ready and the home page has rendered once.
 */
export function startNuxt({ root, log }: StartDevServerOptions): Promise<DevServer> {
  return startCli({
    name: 'nuxt',
    root,
    log,
    node: findNode24('Nuxt 4.6', '22.22'),
    bin: ['nuxt', 'nuxt'],
    args: ['dev', '--no-fork', '--host', '127.0.0.1', '--port', '0'],
    env: toNuxtEnv(),
    // `◆ Ready in 3.11s  → http://127.0.0.1:40621/`
    ready: /Ready in .*(http:\/\/127\.0\.0\.1:\d+)/,
    warm: true,
  })
}
