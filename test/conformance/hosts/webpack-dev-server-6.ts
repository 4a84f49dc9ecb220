import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { UserConfig } from '@sameorigin/core'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { findNode24, startChildHost, toImportUrl, toSource } from './child-host.ts'
import { hostUrl } from './tls.ts'
import {
  copyWebpackProject,
  toDevServerOptions,
  toHmrSocket,
  toPluginOptions,
  toProjectConfig,
} from './webpack-shared.ts'

const require = createRequire(import.meta.url)
const url = toImportUrl

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
  capabilities: { ws: true, hmr: true, ssr: NO_SERVER_RENDERING },
  async start(fixtureDir, config, options) {
    const node = findNode24('webpack-dev-server 6')
    const fixture = await copyWebpackProject(fixtureDir)
    try {
      await writeFile(join(fixture.dir, 'serve.mjs'), toRunner(fixture.dir, config, options))
      const child = await startChildHost({
        name: 'webpack-dev-server@6',
        command: node,
        args: ['serve.mjs'],
        cwd: fixture.dir,
      })
      return {
        url: hostUrl(child.port, options.http2),
        port: child.port,
        root: fixture.dir,
        logs: child.logs,
        hmr: toHmrSocket(child.port, options.http2),
        close: async () => {
          await child.close()
          await fixture.remove()
        },
      }
    } catch (error) {
      await fixture.remove()
      throw error
    }
  },
})
