// sameorigin's Fetch transport in a Web-standard server: starts the demo backend (which sends no CORS
// headers), loads the config once, builds the app (`src/app.mjs`: `{ fetch }` handing each Request to
// `createFetchProxy`, else the page or 404) and serves it on Node with srvx, then runs the walkthrough
// every example's demo shares (@sameorigin/example-backend/walkthrough: a login, an event stream and a
// refused path, through the proxy; the websocket step is skipped, as a Fetch handler cannot upgrade a
// socket). In a terminal it keeps serving a small page at http://localhost:5173; under CI (or with
// --once) it exits, non-zero if any step failed.
import { readFile } from 'node:fs/promises'
import process from 'node:process'
import { formatRouteTable, loadConfig } from '@sameorigin/core'
import { startBackend } from '@sameorigin/example-backend'
import { createDemoSession, finishDemo } from '@sameorigin/example-backend/walkthrough'
import { serve } from 'srvx'
import { createApp } from './app.mjs'

const root = new URL('..', import.meta.url).pathname
const session = createDemoSession()
const { say, bold, keepServing } = session

const backend = await startBackend({ port: 0 })
process.env.API_TARGET = backend.url
// Node has a file system: the config is read once, here, and the app gets it resolved.
const config = await loadConfig({ root })
const page = await readFile(new URL('../public/index.html', import.meta.url))
const app = createApp(config, { page })

const server = await serveOnPreferredPort(Number(process.env.PORT ?? (keepServing ? 5173 : 0)))
// srvx's own URL names 127.0.0.1; the browser is pointed at localhost, as every example's demo does.
const { port } = new URL(String(server.url))
const dev = `http://localhost:${port}`

say(
  bold(`sameorigin demo: the browser talks only to ${dev}; /api goes to the demo backend at ${backend.url}`),
)
say('src/app.mjs is a Fetch handler ({ fetch }), served here by srvx. Each Request goes to createFetchProxy,')
say(
  'which answers what a route takes and resolves undefined for the rest: the app answers those (/ is the page).',
)
say()
say(bold(`Routes (${config.configFile?.replace(`${root}`, 'examples/fetch-server/')})`))
say(formatRouteTable(config))
say()
await finishDemo({
  session,
  devUrl: dev,
  backendUrl: backend.url,
  websocket: false,
  close: async () => {
    await app.close()
    await Promise.all([server.close(true), backend.close()])
  },
  hint: `Open ${dev} in a browser: log in, ask who you are, stream events. Ctrl-C stops the demo.`,
})

/**
 * Serves the app on 127.0.0.1 (loopback only: a dev proxy on the LAN would hand the backend's session
 * to anyone on it), on `wanted` or, when that port is taken, on a free one.
 * @param {number} wanted
 */
async function serveOnPreferredPort(wanted) {
  // srvx's own signal handling and banner are off: finishDemo stops the servers and prints the URL.
  const options = {
    fetch: app.fetch,
    hostname: '127.0.0.1',
    silent: true,
    gracefulShutdown: false,
    manual: true,
  }
  try {
    return await serve({ ...options, port: wanted }).serve()
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || wanted === 0) throw error
    say(`port ${wanted} is in use; using a free port instead`)
    return serve({ ...options, port: 0 }).serve()
  }
}
