import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import { stopChild } from '@sameorigin/test-utils'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { hostUrl } from './tls.ts'
import {
  copyWebpackProject,
  toDevServerOptions,
  toHmrSocket,
  toPluginOptions,
  toProjectConfig,
} from './webpack-shared.ts'

const require = createRequire(import.meta.url)
const NODE24 = fileURLToPath(new URL('../../../.tmp/node24/node_modules/.bin/node', import.meta.url))

/** webpack-dev-server 6 declares Node >= 22.15: `NODE24_PATH`, else what `scripts/setup.mjs --node24` installs. */
function findNode24(): string {
  const path = process.env.NODE24_PATH || NODE24
  if (!existsSync(path))
    throw new Error(
      `webpack-dev-server@6 runs under Node >= 22.15, and none was found at ${path}: run ` +
        '`node scripts/setup.mjs --node24` (node@24 from the npm registry into .tmp/node24) or set NODE24_PATH.',
    )
  return path
}

/**
 * The config as JavaScript source: JSON, except RegExp route paths (`/^\/v\d+\//`) and functions (their
 * source text: a case's function must then use nothing from its scope).
 */
function toSource(value: unknown): string {
  if (typeof value === 'function') return `(${String(value)})`
  if (value instanceof RegExp)
    return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item)}`)
      .join(', ')} }`
  return JSON.stringify(value) ?? 'undefined'
}

/** A module path as a quoted `file:` URL, for an `import` in the child's program. */
const url = (path: string): string => JSON.stringify(pathToFileURL(path).href)

/**
 * The child's program: webpack with `new SameOriginPlugin(config)` and webpack-dev-server 6 as a plugin
 * built from `devServer` before the other plugins are applied (what webpack-cli 7 does), watched as
 * `webpack serve` does. Log lines and the port go to stdout as JSON lines. HTTP/2: `server: { type:
 * 'http2' }` with `app: () => connect()`, as webpack-dev-server documents it (its default Express app
 * cannot serve Node's HTTP/2 requests).
 */
function toRunner(dir: string, config: UserConfig, { http2 }: StartOptions): string {
  const wds6 = join(dirname(require.resolve('webpack-dev-server6/package.json')), 'lib/Server.js')
  return `import webpack from ${url(require.resolve('webpack'))}
import DevServer from ${url(wds6)}
import { SameOriginPlugin } from ${url(require.resolve('@sameorigin/webpack'))}
import connect from ${url(require.resolve('connect'))}
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n')
const log = (level) => (...args) => send({ level, message: args.map(String).join(' ') })
const devServer = new DevServer({
  ...${JSON.stringify(toDevServerOptions(dir, http2))},${http2 ? '\n  app: () => connect(),' : ''}
  setupExitSignals: false,
  onListening: (server) => send({ port: server.server.address().port }),
})
const compiler = webpack({
  ...${JSON.stringify(toProjectConfig(dir))},
  plugins: [new SameOriginPlugin(${toSource(toPluginOptions(config))}), devServer],
  infrastructureLogging: { level: 'info', console: { ...console, log: log('info'), info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} } },
  stats: 'none',
})
compiler.watch({}, (error) => error && send({ level: 'error', message: String(error) }))
process.once('SIGTERM', () => compiler.close(() => process.exit(0)))
`
}

/**
 * webpack-dev-server 6 with `new SameOriginPlugin(config)`, in a child process under Node 24 (it
 * declares Node >= 22.15; the suite runs on Node 20), serving a copy of the fixture.
 */
export const webpackDevServer6: Host = defineHost({
  name: 'webpack-dev-server@6',
  capabilities: { ws: true, hmr: true },
  async start(fixtureDir, config, options) {
    const node = findNode24()
    const fixture = await copyWebpackProject(fixtureDir)
    const logs = captureLogs()
    await writeFile(join(fixture.dir, 'serve.mjs'), toRunner(fixture.dir, config, options))
    const child = spawn(node, ['serve.mjs'], { cwd: fixture.dir, stdio: ['ignore', 'pipe', 'inherit'] })
    const close = async (): Promise<void> => {
      await stopChild(child)
      await fixture.remove()
    }
    try {
      const port = await new Promise<number>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const message = JSON.parse(line) as {
            port?: number
            level?: 'info' | 'warn' | 'error'
            message?: string
          }
          if (message.port !== undefined) resolve(message.port)
          else if (message.level !== undefined) logs[message.level](message.message)
        })
        child.once('exit', (code) =>
          reject(new Error(`webpack-dev-server@6 exited (${code}):\n${logs.text()}`)),
        )
      })
      return {
        url: hostUrl(port, options.http2),
        port,
        root: fixture.dir,
        logs,
        hmr: toHmrSocket(port, options.http2),
        close,
      }
    } catch (error) {
      await close()
      throw error
    }
  },
})
