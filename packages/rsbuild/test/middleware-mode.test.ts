// Rsbuild in middleware mode (`server.middlewareMode`, `rsbuild.createDevServer()`): the user's own
// server hands requests to `server.middlewares`, and Rsbuild has no http server of its own.
import { createServer } from 'node:http'
import { createRsbuild } from '@rsbuild/core'
import { listen, request, startUpstream } from '@sameorigin/test-utils'
import { expect, it, onTestFinished, vi } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { captureLogger } from './_rsbuild.ts'

it('proxies requests through the middlewares the user mounts, and closes the engine with the server', async () => {
  const upstream = await startUpstream()
  onTestFinished(() => upstream.close())
  const { logger } = captureLogger()
  const rsbuild = await createRsbuild({
    cwd: createFixture(),
    config: {
      customLogger: logger,
      server: { middlewareMode: true },
      plugins: [pluginSameOrigin({ routes: { '/api': upstream.url } })],
    },
  })
  const devServer = await rsbuild.createDevServer()
  onTestFinished(() => devServer.close())
  const server = createServer((req, res) => devServer.middlewares(req, res))
  const listening = await listen(server)
  onTestFinished(() => listening.close())

  expect(JSON.parse((await request(`${listening.url}/api/x`)).body)).toMatchObject({ path: '/api/x' })
  // The engine's pooled keep-alive connection to the backend ends with the dev server.
  expect(upstream.openConnections).toBe(1)
  await devServer.close()
  await vi.waitFor(() => expect(upstream.openConnections).toBe(0))
})
