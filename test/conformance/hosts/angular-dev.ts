import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { SameOriginOptions, UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import { TEST_CA } from '@sameorigin/test-utils'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import type { ChildHost } from './child-host.ts'
import { findNode24, startChildHost, toSource } from './child-host.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

const NG_BIN = join(dirname(createRequire(import.meta.url).resolve('@angular/cli/package.json')), 'bin/ng.js')
const APP = fileURLToPath(new URL('../fixtures/angular/', import.meta.url))
// Copies live in this package (gitignored .tmp), so @angular/* and @sameorigin/angular resolve from its
// node_modules, and no sameorigin.config.* of the repository's is found above them.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
// A cold `ng serve` (the application build, then Vite) is ready in 4 to 8 s here; the bound only
// catches one that never is.
const READY_TIMEOUT = 90_000

/** Vite's client script, which carries the HMR token. */
const VITE_CLIENT = '/@vite/client'

/**
 * Whether the routes take Vite's client script (a catch-all route): the engine runs ahead of Vite, so
 * the token is then read under a stand-in config first (see `start`).
 */
function takesViteClient(routes: UserConfig): boolean {
  return resolveConfig(routes).routes.some((route) => route.matchPath(VITE_CLIENT) !== undefined)
}

/** Stands in for routes that take Vite's client script until the token is read. */
const STAND_IN = 'export default { routes: { "/__conformance": "http://127.0.0.1:9" } }\n'

/**
 * A copy of the Angular fixture for one block: the block's static fixture as `src/` (its index.html is
 * the application's index, the page Angular serves and rebuilds on an edit), its routes in
 * `sameorigin.config.mjs` (functions and RegExps work there) unless the block names its own
 * `configFile`, and with `http2` the test certificate for `ng serve --ssl`.
 */
async function copyApp(fixtureDir: string, config: SameOriginOptions, { http2 }: StartOptions) {
  await mkdir(TMP, { recursive: true })
  const dir = await mkdtemp(join(TMP, 'angular-'))
  await cp(APP, dir, { recursive: true })
  await cp(fixtureDir, join(dir, 'src'), { recursive: true })
  const { configFile, ...routes } = config
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--no-open']
  const file = join(dir, 'sameorigin.config.mjs')
  const source = `export default ${toSource(routes)}\n`
  // Routes that take Vite's client script start as a stand-in, swapped once the token is read.
  const swap = configFile === undefined && takesViteClient(routes) ? () => writeFile(file, source) : undefined
  if (configFile === undefined) await writeFile(file, swap === undefined ? source : STAND_IN)
  // This builder's own option, as an `ng serve` flag.
  else if (configFile !== false) args.push('--sameorigin-config', configFile)
  if (http2) {
    await writeFile(join(dir, 'cert.pem'), TLS_OPTIONS.cert)
    await writeFile(join(dir, 'key.pem'), TLS_OPTIONS.key)
    args.push('--ssl', '--ssl-cert', 'cert.pem', '--ssl-key', 'key.pem')
  }
  return { dir, args, swap }
}

/** GETs `url` (over TLS trusting the test CA) and reads the whole body. */
function readText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet
    get(url, { ca: TEST_CA }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      res.on('error', reject)
    }).on('error', reject)
  })
}

/** Resolves once `check` does, asking every 50 ms for up to 15 s. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('angular-dev: the block config was not applied within 15 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The token Vite requires on its HMR socket (`?token=`), from the client script Angular's pages load. */
async function readHmrToken(url: string): Promise<string> {
  const client = await readText(`${url}${VITE_CLIENT}`)
  const token = /const wsToken = "([^"]+)"/.exec(client)?.[1]
  if (token === undefined) throw new Error("angular-dev: no wsToken in Vite's client script")
  return token
}

/** The child's environment: the suite's without Vitest's variables, analytics and colours off. */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' }
}

/**
 * `ng serve` (Angular CLI 22, `@angular/build`'s Vite dev server) with `@sameorigin/angular:dev-server`
 * in angular.json, in a child process under Node 24 (Angular 22 needs Node ^22.22.3 || >= 24.15), one
 * per block, serving a fresh copy of the fixture app. The engine runs as the builder's first
 * middleware (ahead of Vite's proxy and Angular's page fallback) and on the dev server's `upgrade`.
 */
export const angularDev: Host = defineHost({
  name: 'angular-dev',
  capabilities: {
    ssr: "@sameorigin/angular adds no server-side fetch bound to the page request: a page @angular/ssr renders in ng serve fetches with the app's own HttpClient setup",
  },
  async start(fixtureDir, config, options) {
    const { dir, args, swap } = await copyApp(fixtureDir, config as SameOriginOptions, options)
    const remove = (): Promise<void> => rm(dir, { recursive: true, force: true })
    let child: ChildHost | undefined
    let token: string
    try {
      child = await startChildHost({
        name: 'angular-dev',
        command: findNode24('Angular 22', '22.22'),
        args: [NG_BIN, ...args],
        cwd: dir,
        env: toChildEnv(),
        portPattern: /Local:\s+https?:\/\/127\.0\.0\.1:(\d+)/,
        timeout: READY_TIMEOUT,
      })
      const url = hostUrl(child.port, options.http2)
      token = await readHmrToken(url)
      if (swap !== undefined) {
        // The block's routes, applied live (the config is watched); served once Vite's client is theirs.
        await swap()
        await waitFor(async () => !(await readText(`${url}${VITE_CLIENT}`)).includes('wsToken'))
      }
    } catch (error) {
      await child?.close()
      await remove()
      throw error
    }
    const { port, logs, close } = child
    return {
      url: hostUrl(port, options.http2),
      port,
      root: join(dir, 'src'),
      logs,
      hmr: { url: socketUrl(port, options.http2, `/?token=${token}`), protocol: 'vite-hmr' },
      close: async () => {
        await close()
        await remove()
      },
    }
  },
})
