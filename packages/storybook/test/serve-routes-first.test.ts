import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listen, request } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { serveRoutesFirst } from '../src/serve-routes-first.ts'

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** A middleware that answers `/routed` itself and records what it saw. */
function createEngine(seen: string[]): Middleware {
  return (req, res, next) => {
    seen.push(`engine ${req.url}`)
    if (req.url === '/routed') res.end('from the engine')
    else next()
  }
}

/** A server whose `request` listener stands for Storybook's app (added before it listens, as polka's `listen()` does). */
async function startHost(seen: string[], engine: Middleware) {
  const server = createServer()
  const first = serveRoutesFirst(server, engine)
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`host ${req.url}`)
    // Storybook's app runs the fallback where experimental_devServer added it.
    first.fallback(req, res, () => res.end('from the host'))
  })
  const listening = await listen(server)
  onTestFinished(() => listening.close())
  return { url: listening.url, server, first }
}

describe('serveRoutesFirst', () => {
  it("answers routed requests before the host's listeners, and hands the others over once", async () => {
    const seen: string[] = []
    const { url } = await startHost(seen, createEngine(seen))
    expect((await request(`${url}/routed`)).body).toBe('from the engine')
    expect((await request(`${url}/page`)).body).toBe('from the host')
    expect(seen).toEqual(['engine /routed', 'engine /page', 'host /page'])
  })

  it('leaves the routing to the fallback when no listener was there to wrap', async () => {
    const seen: string[] = []
    const engine = createEngine(seen)
    const server = createServer()
    const first = serveRoutesFirst(server, engine)
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    // A host that attaches its app only after listening.
    server.on('request', (req: IncomingMessage, res: ServerResponse) =>
      first.fallback(req, res, () => res.end('from the host')),
    )
    expect((await request(`${listening.url}/routed`)).body).toBe('from the engine')
    expect(seen).toEqual(['engine /routed'])
  })

  it('gives the server its listeners back on stop', async () => {
    const seen: string[] = []
    const { url, first } = await startHost(seen, createEngine(seen))
    first.stop()
    expect((await request(`${url}/page`)).body).toBe('from the host')
    // The fallback routes now: the request reached the engine through the host.
    expect(seen).toEqual(['host /page', 'engine /page'])
  })
})
