import { execFile } from 'node:child_process'
import process from 'node:process'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const run = promisify(execFile)

// The demo through Rsbuild's dev server with pluginSameOrigin(): every step of the walkthrough must
// pass against its origin, and the demo must exit 0.
it('runs the demo walkthrough through the Rsbuild dev server', async () => {
  const { stdout } = await run(process.execPath, ['scripts/demo.mjs', '--once'], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  })
  const dev = /the browser talks only to (http:\/\/localhost:\d+);/.exec(stdout)?.[1]
  expect(dev).toBeDefined()
  // Rsbuild's own URL line, then the route table, then the walkthrough against that origin.
  expect(stdout).toMatch(
    new RegExp(
      `Local: +${dev}/\\n(.*\\n)*?\\[sameorigin\\] routes \\(first match wins\\):\\n {2}/api\\s+→ http://127\\.0\\.0\\.1:\\d+/`,
    ),
  )
  expect(stdout).toContain(`POST /api/login (Origin: ${dev}) → 303, Location: /api/me\n`)
  expect(stdout).toMatch(
    /backend sends: Set-Cookie: session=[^;]+; Domain=[^;]+; Path=\/api; HttpOnly; Secure; SameSite=None/,
  )
  expect(stdout).toMatch(/browser gets: {2}Set-Cookie: session=[^;]+; Path=\/api; HttpOnly/)
  expect(stdout).toContain('GET  /api/me with the cookie → 200 {"user":"ada"}')
  expect(stdout).toContain('GET  /api/events → 3 server-sent events, streamed as they were sent')
  expect(stdout).toContain('WS   /api/ws → echo: hello through the proxy')
  expect(stdout).toContain('demo: every step passed')
  expect(stdout).not.toContain('✖')
})
