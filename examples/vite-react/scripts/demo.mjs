// The README demo (command 1): starts the demo backend (which sends no CORS headers) and this
// example's Vite dev server with sameorigin, prints Vite's URLs and the route table, then runs the
// walkthrough every example's demo shares (@sameorigin/example-backend/walkthrough: a login with
// its redirect and cookie before and after the rewrite, /api/me, server-sent events, a websocket and
// a refused path) against the Vite dev origin. In a terminal it keeps serving the React page at
// http://localhost:5173; under CI (or with --once) it exits, non-zero if any step failed.
import { createDemoSession, finishDemo } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const session = createDemoSession()
const { say, bold, keepServing } = session

// Fixed ports for a person at a terminal; free ones when the demo only runs once (CI, tests).
const { backend, server, devUrl, close } = await startServers(
  keepServing ? { port: 5173, backendPort: 4020 } : { port: 0, backendPort: 0 },
)

say(
  bold(
    `sameorigin demo: the browser talks only to ${devUrl}; /api goes to the demo backend at ${backend.url}`,
  ),
)
// Vite's URLs, then sameorigin's route table (the plugin prints it after them).
server.printUrls()
say()

await finishDemo({
  session,
  devUrl,
  backendUrl: backend.url,
  close,
  hint: `Open ${devUrl} in a browser: log in, stream events, send a websocket message. Ctrl-C stops the demo.`,
})
