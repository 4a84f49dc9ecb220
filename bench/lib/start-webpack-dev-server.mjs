// webpack-dev-server (5 or 6) over a one-file in-memory build, `/api` forwarded either by its own
// `devServer.proxy` (the native peers) or by @sameorigin/webpack's `SameOriginPlugin`. The server is
// built from `compiler.options.devServer` after webpack has applied the config's plugins, as
// `webpack serve` does with webpack-dev-server 5 (and as the plugin documents for the API).

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import webpack from 'webpack'

/** The dev server's own options: no HMR, live reload, client or static files, which no subject needs. */
const DEV_SERVER = { host: '127.0.0.1', port: 0, hot: false, liveReload: false, client: false, static: false }

/**
 * @param {new (options: object, compiler: object) => any} WebpackDevServer
 * @param {{ upstream: string, workdir: string }} options
 * @param {{ nativeProxy?: boolean, plugins?: object[] }} how `nativeProxy`: `devServer.proxy` to the
 *   upstream with `changeOrigin`; `plugins`: the webpack config's (neither: no proxy, scenario 7's baseline)
 */
export async function startWebpackDevServer(WebpackDevServer, { upstream, workdir }, how = {}) {
  mkdirSync(workdir, { recursive: true })
  writeFileSync(join(workdir, 'index.js'), 'export const answer = 42\n')
  const native = [{ context: ['/api'], target: upstream, changeOrigin: true }]
  const compiler = webpack({
    mode: 'development',
    context: workdir,
    entry: './index.js',
    output: { path: join(workdir, 'dist') },
    infrastructureLogging: { level: 'none' },
    stats: 'none',
    devServer: how.nativeProxy ? { ...DEV_SERVER, proxy: native } : DEV_SERVER,
    plugins: how.plugins ?? [],
  })
  const server = new WebpackDevServer(compiler.options.devServer, compiler)
  await server.start()
  const address = server.server.address()
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.stop() }
}
