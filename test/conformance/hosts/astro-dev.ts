import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { findNode24, startChildHost, toImportUrl, toSource } from './child-host.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

const require = createRequire(import.meta.url)
const FIXTURE = fileURLToPath(new URL('../fixtures/astro/', import.meta.url))
// Apps live in this package (gitignored .tmp), so astro, @astrojs/node and @sameorigin/astro resolve
// from its node_modules, and no sameorigin.config.* of the repository is found above them (configFile: false).
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** The line the runner prints with Vite's HMR token (what `/@vite/client` sends as `?token=`). */
const TOKEN_LINE = 'conformance hmr token: '

/**
 * The child's program: Astro's `dev()` (what `astro dev` runs) on the copied fixture with the node
 * adapter and `sameorigin(config)`, on 127.0.0.1 and a free port, printed as `{"port"}`; before it,
 * Vite's HMR token. With `http2`, Vite's `server.https` (HTTP/2 and HTTP/1.1 over TLS).
 */
function toRunner(root: string, config: UserConfig, { http2 }: StartOptions): string {
  const https = http2 ? `\n  vite: { server: { https: ${JSON.stringify(TLS_OPTIONS)} } },` : ''
  return `import { dev } from ${toImportUrl(require.resolve('astro'))}
import node from ${toImportUrl(require.resolve('@astrojs/node'))}
import sameorigin from ${toImportUrl(require.resolve('@sameorigin/astro'))}
const send = (message) => process.stdout.write(JSON.stringify({ level: 'info', message }) + '\\n')
const server = await dev({
  root: ${JSON.stringify(root)},
  configFile: false,
  logLevel: 'info',
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 0 },
  adapter: node({ mode: 'standalone' }),
  integrations: [
    sameorigin({ configFile: false, ...${toSource(config)} }),
    { name: 'conformance', hooks: { 'astro:server:setup': ({ server }) => send(${JSON.stringify(TOKEN_LINE)} + server.config.webSocketToken) } },
  ],${https}
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
  capabilities: {
    absoluteForm:
      "Astro's dev server answers an absolute-form request line (`GET http://host/path`) itself, 404 from its " +
      'base-path check, which runs before any Vite plugin middleware',
  },
  async start(_fixtureDir, config, options) {
    await mkdir(TMP, { recursive: true })
    const parent = await mkdtemp(join(TMP, 'astro-'))
    const root = join(parent, 'app')
    const remove = (): Promise<void> => rm(parent, { recursive: true, force: true })
    try {
      await cp(FIXTURE, root, { recursive: true })
      await writeFile(join(root, 'serve.mjs'), toRunner(root, config, options))
      const child = await startChildHost({
        name: 'astro-dev',
        command: findNode24('Astro 7', '22.23'),
        args: ['serve.mjs'],
        cwd: root,
        env: toChildEnv(),
      })
      const token = child.logs.lines
        .find((line) => line.message.startsWith(TOKEN_LINE))
        ?.message.slice(TOKEN_LINE.length)
      return {
        url: hostUrl(child.port, options.http2),
        port: child.port,
        // The pages: what the HMR scenario edits (`index.html`, a page Astro serves as it is).
        root: join(root, 'src/pages'),
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
