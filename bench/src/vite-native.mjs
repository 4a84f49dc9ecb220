// Vite 8's own `server.proxy` (http-proxy-3 underneath), as its docs show it, with `changeOrigin`.

import { createServer } from 'vite'

/** @param {{ upstream: string, workdir: string }} options */
export async function start({ upstream, workdir }) {
  const server = await createServer({
    root: workdir,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, proxy: { '/api': { target: upstream, changeOrigin: true } } },
  })
  await server.listen()
  return { url: viteUrl(server), close: () => server.close() }
}

/** @param {import('vite').ViteDevServer} server */
export function viteUrl(server) {
  const address = /** @type {import('node:net').AddressInfo} */ (server.httpServer?.address())
  return `http://127.0.0.1:${address.port}`
}
