import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { findNode24, startChildHost, toImportUrl, toSource } from './child-host.ts'

const require = createRequire(import.meta.url)
const FIXTURE = fileURLToPath(new URL('../fixtures/astro/', import.meta.url))
// Apps live in this package (gitignored .tmp), so astro, @astrojs/node and @sameorigin/astro resolve
// from its node_modules, and no sameorigin.config.* of the repository is found above them (configFile: false).
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/**
 * The child's program: Astro's `dev()` (what `astro dev` runs) on the copied fixture with the node
 * adapter and `sameorigin(config)`, on 127.0.0.1 and a free port, printed as `{"port"}`.
 */
function toRunner(root: string, config: UserConfig): string {
  return `import { dev } from ${toImportUrl(require.resolve('astro'))}
import node from ${toImportUrl(require.resolve('@astrojs/node'))}
import sameorigin from ${toImportUrl(require.resolve('@sameorigin/astro'))}
const server = await dev({
  root: ${JSON.stringify(root)},
  configFile: false,
  logLevel: 'info',
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 0 },
  adapter: node({ mode: 'standalone' }),
  integrations: [sameorigin({ configFile: false, ...${toSource(config)} })],
})
process.stdout.write(JSON.stringify({ port: server.address.port }) + '\\n')
process.once('SIGTERM', () => server.stop().then(() => process.exit(0)))
`
}

/**
 * The child's environment: the suite's, without what Vitest sets. Astro's dev server installs no page
 * handler when it sees `VITEST` (it then assumes it runs inside Vitest), and `NODE_ENV=test` is not
 * `astro dev`'s mode.
 */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1' }
}

/**
 * `astro dev` (Astro 7, `@astrojs/node` 11, `@sameorigin/astro`), in a child process under Node 24
 * (Astro 7 needs Node >= 22.23; the suite runs on Node 20), serving a copy of fixtures/astro: the
 * conformance page as `src/pages/index.html` and the `ssr` page as `src/pages/ssr.astro`.
 */
export const astroDev: Host = defineHost({
  name: 'astro-dev',
  capabilities: { ws: true, hmr: true },
  async start(_fixtureDir, config) {
    await mkdir(TMP, { recursive: true })
    const parent = await mkdtemp(join(TMP, 'astro-'))
    const root = join(parent, 'app')
    const remove = (): Promise<void> => rm(parent, { recursive: true, force: true })
    try {
      await cp(FIXTURE, root, { recursive: true })
      await writeFile(join(root, 'serve.mjs'), toRunner(root, config))
      const child = await startChildHost({
        name: 'astro-dev',
        command: findNode24('Astro 7', '22.23'),
        args: ['serve.mjs'],
        cwd: root,
        env: toChildEnv(),
      })
      return {
        url: `http://127.0.0.1:${child.port}`,
        port: child.port,
        root,
        logs: child.logs,
        hmr: { url: `ws://127.0.0.1:${child.port}/`, protocol: 'vite-hmr' },
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
