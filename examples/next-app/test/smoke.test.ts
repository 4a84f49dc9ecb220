import { runWalkthrough } from '@sameorigin/example-backend/walkthrough'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServers } from '../scripts/start-servers.mjs'

// `next dev` in route-handler mode (the example's default) with the demo backend: the walkthrough
// every example's demo shares must pass through it (login with the rewritten redirect and cookie,
// /api/me with the cookie, server-sent events, a websocket echo, a refused traversal).
let servers: Awaited<ReturnType<typeof startServers>> | undefined
const logs: string[] = []

beforeAll(async () => {
  servers = await startServers({ port: 0, backendPort: 0, log: (line) => logs.push(line) })
})
afterAll(async () => {
  await servers?.close()
})

it('runs the demo walkthrough through next dev and the route handler', async () => {
  if (servers === undefined) throw new Error('the servers did not start')
  const lines: string[] = []
  const failures = await runWalkthrough({
    devUrl: servers.devUrl,
    backendUrl: servers.backend.url,
    say: (line) => lines.push(line),
  })
  const output = lines.join('\n')
  expect(output, `${output}\n--- next dev ---\n${logs.join('\n')}`).not.toContain('✖')
  expect(failures).toBe(0)
  expect(output).toContain(`POST /api/login (Origin: ${servers.devUrl}) → 303, Location: /api/me`)
  expect(output).toMatch(/browser gets: {2}Set-Cookie: session=[^;]+; Path=\/api; HttpOnly/)
  expect(output).toContain('GET  /api/me with the cookie → 200 {"user":"ada"}')
})
