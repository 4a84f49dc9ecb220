import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { findNode24, startChildHost, toSource } from './child-host.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

/** The SvelteKit app every block serves (the scenario's own fixture is one `index.html`: its template). */
const FIXTURE = fileURLToPath(new URL('../fixtures/sveltekit', import.meta.url))
/** Copies live here so the app's imports resolve from this package's node_modules. */
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
/** Vite's dependency cache, shared by every block: a cold one costs seconds on the first page. */
const CACHE = join(TMP, 'sveltekit-vite-cache')

/** `src/hooks.server.js`: the hook alone, on the block's config. */
function toHooks(config: UserConfig): string {
  return `import { createHandle } from '@sameorigin/sveltekit/hooks'
export const handle = createHandle({ configFile: false, ...${toSource(config)} })
`
}

/**
 * The child's program: what `vite dev` does with `plugins: [sveltekit(), sameorigin()]`, on 127.0.0.1
 * and a random port; its log lines and port as JSON lines on stdout, and Vite's HMR token in a file.
 */
function toRunner(config: UserConfig, { http2 }: StartOptions): string {
  return `import { writeFileSync } from 'node:fs'
import { sveltekit } from '@sveltejs/kit/vite'
import { sameorigin } from '@sameorigin/sveltekit'
import { createServer } from 'vite'
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n')
const log = (level) => (message, options) => send({ level, message: options?.error ? \`\${message} \${options.error}\` : String(message) })
const warned = new Set()
const server = await createServer({
  configFile: false,
  envDir: false,
  clearScreen: false,
  cacheDir: ${JSON.stringify(CACHE)},
  customLogger: { hasWarned: false, info: log('info'), warn: log('warn'), warnOnce: (m) => warned.has(m) || (warned.add(m), log('warn')(m)), error: log('error'), clearScreen: () => {}, hasErrorLogged: () => false },
  server: { host: '127.0.0.1', port: 0, strictPort: true${http2 ? `, https: ${JSON.stringify(TLS_OPTIONS)}` : ''} },
  plugins: [sveltekit({ files: { appTemplate: 'index.html' } }), sameorigin({ configFile: false, ...${toSource(config)} })],
})
await server.listen()
writeFileSync('hmr-token', server.config.webSocketToken)
send({ port: server.httpServer.address().port })
process.once('SIGTERM', () => server.close().then(() => process.exit(0)))
`
}

/**
 * SvelteKit 3 in `vite dev` (a child process under Node 24: kit declares Node >= 22.17), with
 * `sveltekit()` and `sameorigin()` as the Vite plugins and `createHandle()` from
 * `@sameorigin/sveltekit/hooks` as `src/hooks.server.js`'s `handle`, each on the block's config.
 * The browser's requests are the Vite plugin's (so every capability is Vite's); the `/ssr` page's
 * `event.fetch('/api/me')` re-enters `handle` and is the hook's.
 */
export const sveltekitDev: Host = defineHost({
  name: 'sveltekit-dev',
  capabilities: { ws: true, hmr: true },
  async start(_fixtureDir, config, options) {
    const node = findNode24('SvelteKit 3', '22.17')
    await mkdir(TMP, { recursive: true })
    const parent = await mkdtemp(join(TMP, 'sveltekit-'))
    const dir = join(parent, 'app')
    await cp(FIXTURE, dir, { recursive: true })
    await writeFile(join(dir, 'src/hooks.server.js'), toHooks(config))
    await writeFile(join(dir, 'serve.mjs'), toRunner(config, options))
    const remove = () => rm(parent, { recursive: true, force: true })
    try {
      const child = await startChildHost({
        name: 'sveltekit-dev',
        command: node,
        args: ['serve.mjs'],
        cwd: dir,
      })
      const token = await readFile(join(dir, 'hmr-token'), 'utf8')
      return {
        url: hostUrl(child.port, options.http2),
        port: child.port,
        root: dir,
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
