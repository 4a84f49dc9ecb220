import process from 'node:process'
import { findNode24 } from '@sameorigin/test-utils'
import { startCli } from './start-cli.ts'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `react-router dev` as a user runs it in the example's folder (its vite.config.ts with
 * `reactRouter()` and `sameorigin()`, app/, sameorigin.config.ts and .env), under Node 24 (React
 * Router 8 needs Node >= 22.22). `--conditions=development` is what the CLI would restart itself
 * with; given here, it runs in one process. Resolves once the first page has rendered.
 */
export function startReactRouter({ root, log }: StartDevServerOptions): Promise<DevServer> {
  return startCli({
    name: 'react-router',
    root,
    log,
    node: findNode24('React Router 8', '22.22'),
    bin: ['@react-router/dev', 'react-router'],
    nodeArgs: ['--conditions=development'],
    args: ['dev', '--host', '127.0.0.1', '--port', '0', '--strictPort'],
    env: { ...process.env, NODE_ENV: 'development', NO_COLOR: '1' },
    // `  ➜  Local:   http://127.0.0.1:41234/`
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
    warm: true,
  })
}
