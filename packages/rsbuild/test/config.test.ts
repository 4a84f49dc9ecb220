import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createRsbuild } from '@rsbuild/core'
import { isProxyError } from '@sameorigin/core'
import { request, upstreamForTest } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { captureLogger, startDev, startPreview } from './_rsbuild.ts'

/** A config file that reads its target from the environment, as a team config would. */
const CONFIG_FILE = `export default { routes: { '/api': '\${API_TARGET}' } }\n`

async function reached(upstream: Upstream, url: string): Promise<string[]> {
  await request(url)
  return upstream.requests.map((recorded) => recorded.path)
}

describe('config loading', () => {
  it("reads sameorigin.config.ts from Rsbuild's root and the .env files of Rsbuild's mode", async () => {
    const [development, wrong] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      '.env': `API_TARGET=${wrong.url}\n`,
      '.env.development': `API_TARGET=${development.url}\n`,
    })
    const { url } = await startDev({ root, plugins: [pluginSameOrigin()], config: { mode: 'development' } })
    expect(await reached(development, `${url}/api/users`)).toEqual(['/api/users'])
    expect(wrong.requests).toEqual([])
  })

  it("uses the preview server's mode (production)", async () => {
    const upstream = await upstreamForTest()
    const root = createFixture({
      'sameorigin.config.ts': CONFIG_FILE,
      '.env.production': `API_TARGET=${upstream.url}\n`,
    })
    const { url } = await startPreview({
      root,
      plugins: [pluginSameOrigin()],
      config: { mode: 'production' },
    })
    expect(await reached(upstream, `${url}/api/x`)).toEqual(['/api/x'])
  })

  it('merges inline routes over the file; configFile names another file, or none with false', async () => {
    const [fromFile, inline, named] = [
      await upstreamForTest(),
      await upstreamForTest(),
      await upstreamForTest(),
    ]
    const root = createFixture({
      'sameorigin.config.ts': `export default { routes: { '/api': '${fromFile.url}', '/auth': '${fromFile.url}' } }\n`,
      'proxy/other.config.ts': `export default { routes: { '/other': '${named.url}' } }\n`,
    })
    const merged = await startDev({ root, plugins: [pluginSameOrigin({ routes: { '/api': inline.url } })] })
    expect(await reached(inline, `${merged.url}/api/x`)).toEqual(['/api/x'])
    expect(await reached(fromFile, `${merged.url}/auth/login`)).toEqual(['/auth/login'])

    const other = await startDev({
      root,
      plugins: [pluginSameOrigin({ configFile: 'proxy/other.config.ts' })],
    })
    expect(await reached(named, `${other.url}/other/x`)).toEqual(['/other/x'])
    const none = await startDev({
      root,
      plugins: [pluginSameOrigin({ configFile: false, routes: { '/only': inline.url } })],
    })
    expect((await request(`${none.url}/auth/login`, { headers: { accept: 'text/html' } })).body).toContain(
      '<html',
    )
    expect(fromFile.requests.map((recorded) => recorded.path)).toEqual(['/auth/login'])
  })

  it('fails the start with every problem of an invalid config', async () => {
    const root = createFixture({
      'sameorigin.config.ts':
        "export default { routes: { '/auth': { target: 'http://127.0.0.1:1', changeOrgin: true } } }\n",
    })
    const error = await startDev({
      root,
      plugins: [pluginSameOrigin({ routes: { '/api': 'localhost:8080' } })],
    }).then(
      async (started) => {
        await started.close()
        throw new Error('the server started')
      },
      (caught: unknown) => caught,
    )
    expect(isProxyError(error) && error.code).toBe('ERR_CONFIG_INVALID')
    const { message } = error as Error
    expect(message).toMatch(/2 problems/)
    expect(message).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(message).toContain(
      "routes['/auth'].changeOrgin: is not a route option; did you mean `changeOrigin`?",
    )
  })

  it('does not load the config for a build, so a broken proxy config cannot fail it', async () => {
    const root = createFixture({
      'sameorigin.config.ts': 'export default { routes: { "/api": "not a url" } }\n',
    })
    const { logger, lines } = captureLogger()
    const rsbuild = await createRsbuild({
      cwd: root,
      config: { customLogger: logger, plugins: [pluginSameOrigin()], output: { distPath: { root: 'out' } } },
    })
    const { close } = await rsbuild.build()
    await close()
    expect(existsSync(join(root, 'out', 'index.html'))).toBe(true)
    expect(lines.filter((line) => line.message.includes('sameorigin'))).toEqual([])
  })
})
