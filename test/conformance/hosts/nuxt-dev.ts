import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { SameOriginOptions } from '@sameorigin/core'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import type { ChildHost } from './child-host.ts'
import { findNode24, startChildHost, toSource } from './child-host.ts'

const NUXT_BIN = join(dirname(createRequire(import.meta.url).resolve('nuxt/package.json')), 'bin/nuxt.mjs')
const APP = fileURLToPath(new URL('../fixtures/nuxt/', import.meta.url))
// Copies live in this package (gitignored .tmp), so `nuxt` and `@sameorigin/nuxt` resolve from its node_modules.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
// A cold `nuxt dev` (Vite and Nitro builds) is ready in 6 to 10 s here; the bound only catches one that never is.
const READY_TIMEOUT = 90_000

/**
 * A copy of the Nuxt fixture for one block: the block's routes in `sameorigin.config.mjs` (functions
 * and RegExps work there), its `configFile` in the module's options, and the block's static fixture
 * in `app/`, the directory Nuxt's Vite serves and watches (so an edit of its `index.html` is a
 * full reload on the HMR socket).
 */
async function copyApp(fixtureDir: string, config: SameOriginOptions): Promise<string> {
  await mkdir(TMP, { recursive: true })
  const dir = await mkdtemp(join(TMP, 'nuxt-'))
  await cp(APP, dir, { recursive: true })
  await cp(fixtureDir, join(dir, 'app'), { recursive: true })
  const { configFile, ...routes } = config
  await writeFile(
    join(dir, 'sameorigin.nuxt.json'),
    JSON.stringify(configFile === undefined ? {} : { configFile }),
  )
  if (configFile === undefined)
    await writeFile(join(dir, 'sameorigin.config.mjs'), `export default ${toSource(routes)}\n`)
  return dir
}

/**
 * The token Vite requires on its HMR socket (`?token=`), as Nuxt's pages get it: from Vite's client
 * script under `/_nuxt/`.
 */
async function readHmrToken(port: number): Promise<string> {
  const client = await (await fetch(`http://127.0.0.1:${port}/_nuxt/@vite/client`)).text()
  const token = /const wsToken = "([^"]+)"/.exec(client)?.[1]
  if (token === undefined) throw new Error("nuxt-dev: no wsToken in Vite's client script")
  return token
}

/**
 * The child's environment: the suite's, without what makes Nuxt think it runs under a test runner
 * (consola then prints warnings only, and the module's startup lines would be lost).
 */
function toChildEnv(): NodeJS.ProcessEnv {
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

const HTTP2 =
  "`nuxt dev --https` takes HTTP/2, but Nitro's dev server forwards each request to its worker over HTTP/1.1: a DELETE, OPTIONS or TRACE body carried only by DATA frames arrives there without framing (Nitro answers 400, no backend is reached), and a stream the client resets does not abort the upstream request"

/**
 * `nuxt dev` (Nuxt 4, Nitro 2, Vite) with `@sameorigin/nuxt`, in a child process under Node 24 (Nuxt
 * 4.6 declares Node ^22.22.3 || ^24.15), one per block, serving a fresh copy of the fixture app.
 * `--no-fork`: one process (Nuxt's default forks a second one to swap in on restarts).
 */
export const nuxtDev: Host = defineHost({
  name: 'nuxt-dev',
  capabilities: {
    http2: HTTP2,
    undeclaredBodyRefusals: HTTP2,
  },
  async start(fixtureDir, config) {
    const dir = await copyApp(fixtureDir, config as SameOriginOptions)
    const remove = (): Promise<void> => rm(dir, { recursive: true, force: true })
    let child: ChildHost | undefined
    let token: string
    try {
      child = await startChildHost({
        name: 'nuxt-dev',
        command: findNode24('Nuxt 4.6', '22.22'),
        args: [NUXT_BIN, 'dev', '--no-fork', '--host', '127.0.0.1', '--port', '0'],
        cwd: dir,
        env: toChildEnv(),
        // Printed once Vite's and Nitro's builds are done and the app answers.
        portPattern: /Ready in .*http:\/\/127\.0\.0\.1:(\d+)/,
        timeout: READY_TIMEOUT,
      })
      token = await readHmrToken(child.port)
    } catch (error) {
      await child?.close()
      await remove()
      throw error
    }
    const { port, logs, close } = child
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      root: join(dir, 'app'),
      logs,
      hmr: { url: `ws://127.0.0.1:${port}/_nuxt/?token=${token}`, protocol: 'vite-hmr' },
      close: async () => {
        await close()
        await remove()
      },
    }
  },
})
