// sameorigin's engine on a plain Node server: starts the demo backend (which sends no CORS headers),
// mounts the engine, prints the route table and where sample requests go, then runs the walkthrough
// every example's demo shares (@sameorigin/example-backend/walkthrough: a login, an event stream, a
// websocket and a refused path, through the proxy). In a terminal it keeps serving a small page at
// http://localhost:5173; under CI (or with --once) it exits, non-zero if any step failed.
import { readFile } from 'node:fs/promises'
import process from 'node:process'
import { createProxyServer, formatRouteTable, listen, loadConfig, matchRequest } from '@sameorigin/core'
import { startBackend } from '@sameorigin/example-backend'
import { createDemoSession, finishDemo } from '@sameorigin/example-backend/walkthrough'

const root = new URL('..', import.meta.url).pathname
const session = createDemoSession()
const { say, bold, keepServing } = session

const backend = await startBackend({ port: 0 })
process.env.API_TARGET = backend.url
const config = await loadConfig({ root })
const page = await readFile(new URL('../public/index.html', import.meta.url))

// The engine on a plain Node server: routed requests and websockets go to the backend; everything
// else is the dev server's own (here, one page).
const server = createProxyServer(config, {
  logger: console,
  fallback: (req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(req.url === '/' ? page : 'Not found')
  },
})
const { port, close } = await listenOnPreferredPort(Number(process.env.PORT ?? (keepServing ? 5173 : 0)))
const dev = `http://localhost:${port}`

say(
  bold(`sameorigin demo: the browser talks only to ${dev}; /api goes to the demo backend at ${backend.url}`),
)
say()
say(bold(`Routes (${config.configFile?.replace(`${root}`, 'examples/node-server/')})`))
say(formatRouteTable(config))
say()
say(bold('Where sample requests go (matchRequest, a pure function)'))
const samples = [
  ['GET', '/api/health'],
  ['POST', '/api/login?next=%2Fhome'],
  ['GET', '/apix'],
  ['GET', '/api/../admin'],
  ['GET', '/api/%2e%2e%2f%2e%2e%2fetc/passwd'],
  ['GET', '/api/%00'],
  ['GET', 'http://evil.example/api/users'],
]
for (const [method, url] of samples) {
  let where
  try {
    const match = matchRequest(config, { method, url, headers: {} })
    where = match ? `→ ${match.upstreamUrl}` : '→ not proxied: no route matches (the dev server answers it)'
  } catch (error) {
    where = `→ refused with ${error.status ?? 400} ${error.code}: ${error.message}`
  }
  say(`  ${method.padEnd(5)}${url.padEnd(38)}${where}`)
}

say()
await finishDemo({
  session,
  devUrl: dev,
  backendUrl: backend.url,
  close: () => Promise.all([close(), backend.close()]).then(() => {}),
})

async function listenOnPreferredPort(wanted) {
  try {
    return await listen(server, { port: wanted })
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || wanted === 0) throw error
    say(`port ${wanted} is in use; using a free port instead`)
    return listen(server, { port: 0 })
  }
}
