import { startBackend } from '@sameorigin/example-backend'
import { runWalkthrough } from '@sameorigin/example-backend/walkthrough'
import { expect, it, onTestFinished } from 'vitest'

// The demos pass only because a proxy sits in between: pointed at the backend itself (no rewriting),
// the shared walkthrough must report the steps a browser would see fail.
it('counts the failed steps when the dev URL is the bare backend', async () => {
  const backend = await startBackend({ port: 0 })
  onTestFinished(() => backend.close())
  const lines: string[] = []

  const failures = await runWalkthrough({
    devUrl: backend.url,
    backendUrl: backend.url,
    say: (line) => lines.push(line),
  })

  const output = lines.join('\n')
  expect(output).toMatch(/✖ POST \/api\/login .* → 303, Location: http:\/\/127\.0\.0\.1:\d+\/api\/me/)
  expect(output).toMatch(
    /browser gets: {2}Set-Cookie: session=[^;]+; Domain=127\.0\.0\.1; Path=\/api; HttpOnly; Secure/,
  )
  expect(output).toContain(
    '✖ GET  /api/%2e%2e%2f%2e%2e%2fetc/passwd → 404 "no route for GET /api/%2e%2e%2f%2e%2e%2fetc/passwd"',
  )
  expect(failures).toBe(2)
})
