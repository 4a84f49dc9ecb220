// webpack-dev-server 6's `devServer.proxy` (http-proxy-middleware 4 underneath). webpack-dev-server 6
// declares Node >= 22.15; it runs under the bench's Node (see README.md, "Node").

import WebpackDevServer from 'webpack-dev-server6'
import { startWebpackDevServer } from '../lib/start-webpack-dev-server.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  return startWebpackDevServer(WebpackDevServer, options, { nativeProxy: true })
}
