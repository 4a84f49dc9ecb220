import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { findNode24, startChildHost, toImportUrl, toSource } from './child-host.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

const require = createRequire(import.meta.url)
const FIXTURE = fileURLToPath(new URL('../fixtures/react-router/', import.meta.url))
// Apps live in this package (gitignored .tmp), so react-router, @react-router/dev and @sameorigin/vite
// resolve from its node_modules.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
/** `react-router`, the CLI users run (`@react-router/dev`'s bin). */
const CLI = join(dirname(require.resolve('@react-router/dev/package.json')), 'bin.cjs')

/** The line the app's vite.config prints with Vite's HMR token (what `/@vite/client` sends as `?token=`). */
const TOKEN_LINE = 'conformance hmr token: '

/**
 * The app's vite.config.mjs: `reactRouter()`, then `sameorigin()`, as the README shows it. The routes
 * are in sameorigin.config.mjs (written beside it), which the plugin and the loader's `serverFetch`
 * both read; a scenario's own `configFile` goes to the plugin. With `http2`, Vite's `server.https`.
 */
function toViteConfig(config: UserConfig, { http2 }: StartOptions): string {
  const configFile = 'configFile' in config ? { configFile: config.configFile } : {}
  return `import { reactRouter } from ${toImportUrl(require.resolve('@react-router/dev/vite'))}
import { sameorigin } from ${toImportUrl(require.resolve('@sameorigin/vite'))}
const token = { name: 'conformance-token', configureServer: (server) => { process.stdout.write(JSON.stringify({ level: 'info', message: ${JSON.stringify(TOKEN_LINE)} + server.config.webSocketToken }) + '\\n') } }
export default {
  plugins: [reactRouter(), sameorigin(${toSource(configFile)}), token],
  clearScreen: false,${http2 ? `\n  server: { https: ${JSON.stringify(TLS_OPTIONS)} },` : ''}
}
`
}

/** The scenario's config as the project's sameorigin.config.mjs (its `configFile`, if any, left to the plugin). */
function toConfigFile(config: UserConfig): string {
  const { configFile: _, ...rest } = config as UserConfig & { configFile?: unknown }
  return `export default ${toSource(rest)}\n`
}

/**
 * The child's environment: the suite's, without what Vitest sets (`NODE_ENV=test` is not `react-router
 * dev`'s mode, and React Router treats a Vite server under `VITEST` as a test's).
 */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development' }
}

/**
 * `react-router dev` (React Router 8 framework mode, `@sameorigin/vite` after `reactRouter()` in
 * vite.config, `serverFetch` from `@sameorigin/vite/server` in a loader), in a child process under
 * Node 24 (React Router 8 needs Node >= 22.22; the suite runs on Node 20), serving a copy of
 * fixtures/react-router: the `ssr` page as the route `/ssr`, and the conformance page (`index.html`,
 * which the HMR scenario edits) in Vite's root.
 */
export const reactRouterDev: Host = defineHost({
  name: 'react-router-dev',
  capabilities: {},
  async start(_fixtureDir, config, options) {
    await mkdir(TMP, { recursive: true })
    const parent = await mkdtemp(join(TMP, 'react-router-'))
    const root = join(parent, 'app')
    const remove = (): Promise<void> => rm(parent, { recursive: true, force: true })
    try {
      await cp(FIXTURE, root, { recursive: true })
      await writeFile(join(root, 'vite.config.mjs'), toViteConfig(config, options))
      await writeFile(join(root, 'sameorigin.config.mjs'), toConfigFile(config))
      const child = await startChildHost({
        name: 'react-router-dev',
        command: findNode24('React Router 8', '22.22'),
        // `--conditions=development` is what the CLI restarts itself with: given here, it runs in one process.
        args: ['--conditions=development', CLI, 'dev', '--host', '127.0.0.1', '--port', '0', '--strictPort'],
        cwd: root,
        env: toChildEnv(),
        portPattern: /Local:\s+https?:\/\/127\.0\.0\.1:(\d+)/,
      })
      const token = child.logs.lines
        .find((line) => line.message.startsWith(TOKEN_LINE))
        ?.message.slice(TOKEN_LINE.length)
      return {
        url: hostUrl(child.port, options.http2),
        port: child.port,
        root,
        logs: child.logs,
        hmr: { url: socketUrl(child.port, options.http2, `/?token=${token}`), protocol: 'vite-hmr' },
        close: async () => {
          await child.close()
          await remove()
        },
      }
    } catch (error) {
      await remove()
      throw error
    }
  },
})
