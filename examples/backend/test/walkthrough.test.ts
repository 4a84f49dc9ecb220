import { expect, expectTypeOf, it, onTestFinished } from 'vitest'
import { startBackend } from '../src/index.mjs'
import { finishDemo as finishDemoImpl } from '../src/demo-session.mjs'
import { runWalkthrough as runWalkthroughImpl } from '../src/run-walkthrough.mjs'
import { finishDemo, runWalkthrough } from '../src/walkthrough.mjs'

it('declares the types its implementation has', () => {
  expectTypeOf(runWalkthroughImpl).toEqualTypeOf<typeof runWalkthrough>()
  expectTypeOf(finishDemoImpl).toEqualTypeOf<typeof finishDemo>()
})

// A Fetch host cannot upgrade a socket: with `websocket: false` the step says why it is skipped
// instead of failing, and every other step still runs.
it('skips the websocket step, saying why, with websocket: false', async () => {
  const backend = await startBackend({ port: 0 })
  onTestFinished(() => backend.close())
  const lines: string[] = []

  const failures = await runWalkthrough({
    devUrl: backend.url,
    backendUrl: backend.url,
    say: (line) => lines.push(line),
    websocket: false,
  })

  const output = lines.join('\n')
  expect(output).toContain(
    "  – WS   /api/ws skipped: a Fetch handler takes a Request and returns a Response; a websocket needs the host's own upgrade path",
  )
  expect(output).not.toContain('echo:')
  expect(output).toContain('GET  /api/events → 3 server-sent events')
  // Pointed at the bare backend, the login and the traversal fail as they do with the websocket step.
  expect(failures).toBe(2)
})
