// http-proxy-middleware 4 on a bare node:http server: the proxy most Express-style setups use.

import { createServer } from 'node:http'
import { createProxyMiddleware } from 'http-proxy-middleware'
import { listenOnLoopback } from '../lib/listen-on-loopback.mjs'

/** @param {{ upstream: string }} options */
export async function start({ upstream }) {
  const proxy = createProxyMiddleware({ target: upstream, changeOrigin: true, pathFilter: '/api' })
  const server = createServer((req, res) =>
    proxy(req, res, () => res.writeHead(404, { 'content-length': 0 }).end()),
  )
  return listenOnLoopback(server)
}
