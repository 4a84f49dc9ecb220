// webpack-dev-server (5 or 6) with its own `devServer.proxy`, over a one-file in-memory build.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import webpack from 'webpack'

/**
 * @param {new (options: object, compiler: object) => any} WebpackDevServer
 * @param {{ upstream: string, workdir: string }} options
 */
export async function startWebpackDevServer(WebpackDevServer, { upstream, workdir }) {
  mkdirSync(workdir, { recursive: true })
  writeFileSync(join(workdir, 'index.js'), 'export const answer = 42\n')
  const compiler = webpack({
    mode: 'development',
    context: workdir,
    entry: './index.js',
    output: { path: join(workdir, 'dist') },
    infrastructureLogging: { level: 'none' },
    stats: 'none',
  })
  const server = new WebpackDevServer(
    {
      host: '127.0.0.1',
      port: 0,
      hot: false,
      liveReload: false,
      client: false,
      static: false,
      proxy: [{ context: ['/api'], target: upstream, changeOrigin: true }],
    },
    compiler,
  )
  await server.start()
  const address = server.server.address()
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.stop() }
}
