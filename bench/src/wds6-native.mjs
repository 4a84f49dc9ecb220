// webpack-dev-server 6's `devServer.proxy` (http-proxy-middleware 4 underneath).

import WebpackDevServer from 'webpack-dev-server6'
import { startWebpackDevServer } from '../lib/start-webpack-dev-server.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  return startWebpackDevServer(WebpackDevServer, options)
}
