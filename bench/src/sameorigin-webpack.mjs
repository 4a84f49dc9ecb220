// webpack-dev-server 5 with @sameorigin/webpack's `SameOriginPlugin` instead of `devServer.proxy`, the
// route inline (no sameorigin.config.* is read).

import { SameOriginPlugin } from '@sameorigin/webpack'
import WebpackDevServer from 'webpack-dev-server5'
import { startWebpackDevServer } from '../lib/start-webpack-dev-server.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  const plugin = new SameOriginPlugin({
    routes: { '/api': options.upstream },
    configFile: false,
    logLevel: 'warn',
  })
  return startWebpackDevServer(WebpackDevServer, options, { plugins: [plugin] })
}
