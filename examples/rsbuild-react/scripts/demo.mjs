// The README demo with Rsbuild: starts the demo backend (which sends no CORS headers) and this
// example's Rsbuild dev server with sameorigin (which prints its URLs and the route table),
// then runs the walkthrough every example's demo shares (@sameorigin/example-backend/walkthrough: a
// login with its redirect and cookie before and after the rewrite, /api/me, server-sent events, a
// websocket and a refused path) against the dev origin. In a terminal it keeps serving the React page
// at http://localhost:3000; under CI (or with --once) it exits, non-zero if any step failed.
import { createDemoSession, finishDemo } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const session = createDemoSession()
const { say, bold, keepServing } = session

// Fixed ports for a person at a terminal; free ones when the demo only runs once (CI, tests).
const { backend, devUrl, close } = await startServers({
  port: keepServing ? 3000 : 0,
  backendPort: keepServing ? 4020 : 0,
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
  close,
  hint: `Open ${devUrl} in a browser: log in, stream events, send a websocket message. Ctrl-C stops the demo.`,
})
