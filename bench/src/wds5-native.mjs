// webpack-dev-server 5's `devServer.proxy` (http-proxy-middleware 2 underneath).

import WebpackDevServer from 'webpack-dev-server5'
import { startWebpackDevServer } from '../lib/start-webpack-dev-server.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  return startWebpackDevServer(WebpackDevServer, options, { nativeProxy: true })
}
