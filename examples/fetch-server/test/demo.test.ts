import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const run = promisify(execFile)

// The README's first command ends in this script: it must run every step and exit 0. The websocket
// step is skipped, saying why: a Fetch handler cannot upgrade a socket.
it('runs the demo walkthrough end to end through the Fetch handler', async () => {
  const { stdout } = await run(process.execPath, ['src/demo.mjs', '--once'], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, NO_COLOR: '1', PORT: '0' },
  })
  expect(stdout).toContain('demo: every step passed (the websocket step was skipped)')
  expect(stdout).toMatch(/POST \/api\/login .* → 303, Location: \/api\/me\n/)
  expect(stdout).toMatch(/browser gets: {2}Set-Cookie: session=[^;]+; Path=\/api; HttpOnly/)
  expect(stdout).toContain('✔ GET  /api/me with the cookie → 200 {"user":"ada"}')
  expect(stdout).toContain('✔ GET  /api/events → 3 server-sent events')
  expect(stdout).toContain('✔ GET  /api/%2e%2e%2f%2e%2e%2fetc/passwd → 400 ERR_REQUEST_PATH_UNSAFE')
  expect(stdout).toMatch(/– WS {3}\/api\/ws skipped: a Fetch handler takes a Request and returns a Response/)
  expect(stdout).not.toMatch(/✖/)
  expect(stdout.match(/✔/g)).toHaveLength(6)
})
