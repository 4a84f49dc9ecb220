// The Rsbuild entry of the unplugin is pluginSameOrigin of @sameorigin/rsbuild, through the factory:
// the same behaviour in a real Rsbuild dev server. The adapter's own suite covers the details.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRsbuild } from '@rsbuild/core'
import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import sameoriginRsbuild from '../src/rsbuild.ts'

describe('unplugin-sameorigin/rsbuild', () => {
  it('proxies in a real Rsbuild dev server, with one plugin named sameorigin:proxy', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const root = mkdtempSync(join(tmpdir(), 'unplugin-sameorigin-rsbuild-'))
    onTestFinished(() => rmSync(root, { recursive: true, force: true }))
    writeFileSync(join(root, 'pnpm-workspace.yaml'), '')
    writeFileSync(join(root, 'index.js'), "document.title = 'fixture'\n")

    const plugin = sameoriginRsbuild({ configFile: false, routes: { '/api': upstream.url } })
    expect(plugin.name).toBe('sameorigin:proxy')
    const rsbuild = await createRsbuild({
      cwd: root,
      config: {
        source: { entry: { index: './index.js' } },
        server: { host: '127.0.0.1', port: 0, printUrls: false },
        logLevel: 'silent',
        plugins: [plugin],
      },
    })
    const { server, port } = await rsbuild.startDevServer()
    onTestFinished(() => server.close())

    const res = await request(`http://127.0.0.1:${port}/api/x`)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ path: '/api/x' })
    expect(upstream.requests).toHaveLength(1)
  })
})
