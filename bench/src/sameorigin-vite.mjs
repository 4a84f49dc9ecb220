// Vite 8 with the @sameorigin/vite plugin instead of `server.proxy`.

import { sameorigin } from '@sameorigin/vite'
import { createServer } from 'vite'
import { viteUrl } from './vite-native.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export async function start({ upstream, workdir }) {
  const server = await createServer({
    root: workdir,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 },
    plugins: [sameorigin({ routes: { '/api': upstream }, configFile: false, logLevel: 'warn' })],
  })
  await server.listen()
  return { url: viteUrl(server), close: () => server.close() }
}
