import { isProxyError } from '@sameorigin/core'
import { request, startUpstream, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { SameOriginPlugin } from '../src/index.ts'
import { createFixture, ours, startDevServer } from './_dev-server.ts'

/** A config file that reads its target from the environment, as a team config would. */
const CONFIG_FILE = "export default { routes: { '/api': '${API_TARGET}' } }\n"

describe('config loading', () => {
  it("reads sameorigin.config.* from the compiler's context and the .env files of webpack's mode", async () => {
    const [production, development] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.mjs': CONFIG_FILE,
      '.env.development': `API_TARGET=${development.url}\n`,
      '.env.production': `API_TARGET=${production.url}\n`,
    })
    const { url } = await startDevServer({ root, mode: 'production', plugins: [new SameOriginPlugin()] })

    await request(`${url}/api/users`)
    expect(production.requests.map((recorded) => recorded.path)).toEqual(['/api/users'])
    expect(development.requests).toEqual([])
  })

  it('merges inline routes over the file, and loads the file named by configFile', async () => {
    const [fromFile, inline] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'config/proxy.json': JSON.stringify({ routes: { '/api': fromFile.url, '/auth': fromFile.url } }),
    })
    const plugin = new SameOriginPlugin({ configFile: 'config/proxy.json', routes: { '/api': inline.url } })
    const { url } = await startDevServer({ root, plugins: [plugin] })

    await request(`${url}/api/x`)
    await request(`${url}/auth/login`)
    expect(inline.requests.map((recorded) => recorded.path)).toEqual(['/api/x'])
    expect(fromFile.requests.map((recorded) => recorded.path)).toEqual(['/auth/login'])
  })

  it('fails the start of the dev server with every problem of an invalid config', async () => {
    const root = createFixture({
      'sameorigin.config.mjs': `export default { routes: { '/auth': { target: 'http://127.0.0.1:9', changeOrgin: false } } }\n`,
    })
    const plugin = new SameOriginPlugin({ routes: { '/api': 'localhost:8080' } })
    const failure: unknown = await startDevServer({ root, plugins: [plugin] }).then(
      () => undefined,
      (error: unknown) => error,
    )

    expect(isProxyError(failure) && failure.code).toBe('ERR_CONFIG_INVALID')
    const { message } = failure as Error
    expect(message).toMatch(/Invalid sameorigin config \(.+sameorigin\.config\.mjs\), 2 problems:/)
    expect(message).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(message).toContain("routes['/auth'].changeOrgin: is not a route option")
  })

  // setupMiddlewares, where the config starts loading, is synchronous: a config file that takes its
  // time (a top-level await here) used to be read after the server listened and called onListening,
  // so the start succeeded, the error came later and every request was answered 500.
  it('waits for a config file that takes its time before it listens: invalid, the start still fails', async () => {
    const slow = 'await new Promise((resolve) => setTimeout(resolve, 300))\n'
    const root = createFixture({
      'sameorigin.config.mjs': `${slow}export default { routes: { '/api': 'localhost:8080' } }\n`,
    })
    await expect(startDevServer({ root, plugins: [new SameOriginPlugin()] })).rejects.toThrow(
      /Invalid sameorigin config .+\n.*routes\['\/api'\]: 'localhost:8080' has no http:\/\/ or https:\/\/ scheme/,
    )
  })

  it('waits for a config file that takes its time before it listens: valid, the table is printed at once', async () => {
    const upstream = await upstreamForTest()
    const slow = 'await new Promise((resolve) => setTimeout(resolve, 300))\n'
    const root = createFixture({
      'sameorigin.config.mjs': `${slow}export default { routes: { '/api': ${JSON.stringify(upstream.url)} } }\n`,
    })
    const { url, lines } = await startDevServer({ root, plugins: [new SameOriginPlugin()] })

    expect(ours(lines).map((line) => line.message)).toContainEqual(
      expect.stringMatching(/routes \(first match wins\)/),
    )
    expect((await request(`${url}/api/x`)).status).toBe(200)
    expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/x'])
  })

  it('logLevel silent prints nothing of ours', async () => {
    const upstream = await upstreamForTest()
    const plugin = new SameOriginPlugin({
      configFile: false,
      logLevel: 'silent',
      routes: { '/api': upstream.url, '/api/x': upstream.url },
    })
    const { lines } = await startDevServer({ root: createFixture(), plugins: [plugin] })
    expect(lines.some((line) => line.message.includes('Project is running at'))).toBe(true)
    expect(ours(lines)).toEqual([])
  })

  it('closes its backend connections when the dev server stops', async () => {
    const upstream = await startUpstream({ websocket: () => {} })
    onTestFinished(() => upstream.close())
    const plugin = new SameOriginPlugin({ configFile: false, routes: { '/api': upstream.url } })
    const { url, stop } = await startDevServer({ root: createFixture(), plugins: [plugin] })
    const { WebSocket } = await import('ws')
    const socket = new WebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
    onTestFinished(() => socket.terminate())
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    expect((await request(`${url}/api/x`)).status).toBe(200)
    expect(upstream.openConnections).toBe(2)

    await stop()
    await vi.waitFor(() => expect(upstream.openConnections).toBe(0))
  })
})
