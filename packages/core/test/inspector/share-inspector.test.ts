import { createServer } from 'node:http'
import { listen, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createProxy } from '../../src/engine/create-proxy.ts'
import { createFetchProxy } from '../../src/fetch/node/create-fetch-proxy.ts'
import { holdInspectorSlot } from '../../src/inspector/share-inspector-slot.ts'

const QUIET = { info() {}, warn() {}, error() {} }

/** A dev server's plugin (the Node engine) and a framework's server code (the Fetch transport). */
async function startPair(keys: readonly [string | undefined, string | undefined]) {
  const upstream = await upstreamForTest()
  const config = { routes: { '/api': upstream.url } }
  const engine = createProxy(config, { logger: QUIET, env: {}, inspector: true, shareInspector: keys[0] })
  const server = createFetchProxy(config, {
    logger: QUIET,
    env: {},
    inspector: true,
    shareInspector: keys[1],
  })
  const http = createServer((req, res) => engine.middleware(req, res, () => res.end('app')))
  const listening = await listen(http)
  onTestFinished(async () => {
    await Promise.all([engine.close(), server.close()])
    await listening.close()
  })
  const exchanges = async (): Promise<string[]> => {
    const list = (await (await fetch(`${listening.url}/__sameorigin/api/exchanges`)).json()) as {
      exchanges: { url: string }[]
    }
    return list.exchanges.map((exchange) => exchange.url).toSorted()
  }
  return { listening, server, exchanges }
}

describe('shareInspector', () => {
  it("puts a framework's server-side fetches on the dev server's inspector page", async () => {
    const { listening, server, exchanges } = await startPair(['/app', '/app'])
    await (await fetch(`${listening.url}/api/from-browser`)).arrayBuffer()
    await (await server(new Request('http://localhost/api/from-server')))?.arrayBuffer()
    expect(await exchanges()).toEqual(['/api/from-browser', '/api/from-server'])
  })

  it('keeps the inspectors of other roots, and of proxies given no key, apart', async () => {
    const { listening, server, exchanges } = await startPair(['/app', '/other'])
    await (await fetch(`${listening.url}/api/from-browser`)).arrayBuffer()
    await (await server(new Request('http://localhost/api/from-server')))?.arrayBuffer()
    expect(await exchanges()).toEqual(['/api/from-browser'])
  })

  it('closes the shared inspector with its last holder only', async () => {
    const first = holdInspectorSlot('/held', {})
    const second = holdInspectorSlot('/held', {})
    expect(second.slot).toBe(first.slot)
    let closed = 0
    first.slot.inspector = { close: async () => void (closed += 1) } as NonNullable<
      typeof first.slot.inspector
    >
    await first.release()
    await first.release()
    expect(closed).toBe(0)
    await second.release()
    expect(closed).toBe(1)
    const third = holdInspectorSlot('/held', {})
    expect(third.slot).not.toBe(first.slot)
    await third.release()
  })
})
