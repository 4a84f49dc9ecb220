// The README demo with webpack: starts the demo backend (which sends no CORS headers) and this
// example's `webpack serve` with sameorigin, prints webpack-dev-server's URLs and the route table,
// then runs the walkthrough every example's demo shares (@sameorigin/example-backend/walkthrough: a
// login with its redirect and cookie before and after the rewrite, /api/me, server-sent events, a
// websocket and a refused path) against the dev origin. In a terminal it keeps serving the React page
// at http://localhost:8080; under CI (or with --once) it exits, non-zero if any step failed.
import { createDemoSession, finishDemo } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const session = createDemoSession()
const { say, bold, keepServing } = session

// Fixed ports for a person at a terminal; free ones when the demo only runs once (CI, tests).
let echo = true
const { backend, devUrl, close } = await startServers({
  port: keepServing ? 'auto' : 0,
  backendPort: keepServing ? 4020 : 0,
  // The dev server's own lines (`<i> [webpack-dev-server] Loopback: …`, then sameorigin's route
  // table) and errors; webpack's module-by-module build report would bury the walkthrough.
  onLine: (line) => {
    if (echo && (/^<[iwe]>/.test(line) || line.includes('ERROR'))) say(line)
  },
})

say(
  bold(
    `sameorigin demo: the browser talks only to ${devUrl}; /api goes to the demo backend at ${backend.url}`,
  ),
)
say()

await finishDemo({
  session,
  devUrl,
  backendUrl: backend.url,
  close: async () => {
    // The dev server's shutdown notice is not part of the demo.
    echo = false
    await close()
  },
  hint: `Open ${devUrl} in a browser: log in, stream events, send a websocket message. Ctrl-C stops the demo.`,
})
