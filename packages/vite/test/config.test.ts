import { isProxyError } from '@sameorigin/core'
import { request, upstreamForTest } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { VITE8, captureLogger, startDev, startPreview } from './_vite.ts'

/** A config file that reads its targets from the environment, as a team config would. */
const CONFIG_FILE = `export default {
  routes: {
    '/api': '\${API_TARGET}',
    '/auth': '\${AUTH_TARGET:-http://127.0.0.1:9}',
  },
}
`

async function reached(upstream: Upstream, url: string): Promise<string[]> {
  await request(url)
  return upstream.requests.map((recorded) => recorded.path)
}

describe('config loading', () => {
  it("reads sameorigin.config.ts and the .env files of Vite's mode", async () => {
    const [staging, wrong] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      '.env': `API_TARGET=${wrong.url}\n`,
      '.env.staging': `API_TARGET=${staging.url}\n`,
    })
    const { url } = await startDev(VITE8, { root, plugins: [sameorigin()], config: { mode: 'staging' } })

    expect(await reached(staging, `${url}/api/users`)).toEqual(['/api/users'])
    expect(wrong.requests).toEqual([])
  })

  it("reads the env files from Vite's envDir", async () => {
    const upstream = await upstreamForTest()
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      'env/.env.development': `API_TARGET=${upstream.url}\n`,
    })
    const { url } = await startDev(VITE8, { root, plugins: [sameorigin()], config: { envDir: 'env' } })
    expect(await reached(upstream, `${url}/api/x`)).toEqual(['/api/x'])
  })

  it("uses vite preview's mode (production)", async () => {
    const upstream = await upstreamForTest()
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      '.env.production': `API_TARGET=${upstream.url}\n`,
    })
    const { url } = await startPreview(VITE8, { root, plugins: [sameorigin()] })
    expect(await reached(upstream, `${url}/api/x`)).toEqual(['/api/x'])
  })

  it('merges inline routes over the file, route by route', async () => {
    const [fromFile, inline] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      '.env': `API_TARGET=${fromFile.url}\nAUTH_TARGET=${fromFile.url}\n`,
    })
    const plugins = [sameorigin({ routes: { '/api': inline.url } })]
    const { url } = await startDev(VITE8, { root, plugins })

    expect(await reached(inline, `${url}/api/x`)).toEqual(['/api/x'])
    expect(await reached(fromFile, `${url}/auth/login`)).toEqual(['/auth/login'])
  })

  it('loads the file named by configFile, or none with configFile: false', async () => {
    const [named, searched] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.ts': `export default { routes: { '/api': '${searched.url}' } }\n`,
      'config/proxy.json': JSON.stringify({ routes: { '/api': named.url } }),
    })
    const started = await startDev(VITE8, {
      root,
      plugins: [sameorigin({ configFile: 'config/proxy.json' })],
    })
    expect(await reached(named, `${started.url}/api/x`)).toEqual(['/api/x'])

    const none = await startDev(VITE8, { root, plugins: [sameorigin({ configFile: false })] })
    // Nothing proxies /api: Vite's SPA fallback answers.
    expect((await request(`${none.url}/api/x`)).body).toContain('<title>dev</title>')
    expect(searched.requests).toEqual([])
  })

  it("fails the server's start with the core's full message when the config is invalid", async () => {
    const { logger } = captureLogger()
    const root = createFixture({
      'sameorigin.config.ts': `export default { routes: { '/auth': { target: 'http://127.0.0.1:9', changeOrgin: false } } }\n`,
    })
    const starting = VITE8.createServer({
      root,
      configFile: false,
      customLogger: logger,
      server: { port: 0, host: '127.0.0.1' },
      plugins: [sameorigin({ routes: { '/api': 'localhost:8080' } })],
    })
    const error = await starting.then(
      async (server) => {
        await server.close()
        throw new Error('the server started')
      },
      (caught: unknown) => caught,
    )
    expect(isProxyError(error) && error.code).toBe('ERR_CONFIG_INVALID')
    const { message } = error as Error
    // Every problem, from the inline options and from the file, with its path and fix.
    expect(message).toMatch(/^Invalid sameorigin config \(.+sameorigin\.config\.ts\), 2 problems:\n/)
    expect(message).toContain("  ✖ routes['/api']: 'localhost:8080' has no http:// or https:// scheme\n")
    expect(message).toContain("    fix: '/api': 'http://localhost:8080'\n")
    expect(message).toContain(
      "  ✖ routes['/auth'].changeOrgin: is not a route option; did you mean `changeOrigin`?",
    )
  })

  it('does not load the config for a build, so a broken proxy config cannot fail it', async () => {
    const root = createFixture({
      'sameorigin.config.ts': 'export default { routes: { "/api": "not a url" } }\n',
    })
    const { logger } = captureLogger()
    await expect(
      VITE8.build({
        root,
        configFile: false,
        customLogger: logger,
        logLevel: 'silent',
        plugins: [sameorigin()],
        build: { outDir: 'out' },
      }),
    ).resolves.toBeDefined()
  })
})
