// Live reload through the unplugin: its webpack entry is `applySameOrigin` of @sameorigin/webpack, so an
// edit of sameorigin.config.ts serves the next request in a real webpack-dev-server, said in one line
// of the infrastructure log. The adapters' own suites cover the rest (env files, bad edits, Rspack,
// Rsbuild dev and preview, leaks).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import webpack from 'webpack'
import WebpackDevServer from 'webpack-dev-server'
import sameoriginWebpack from '../src/webpack.ts'

const configFor = (target: string): string => `export default { routes: { '/api': '${target}' } }\n`

describe('live reload through unplugin-sameorigin/webpack', () => {
  it('serves the next request from an edit of sameorigin.config.ts, said in one line', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const root = mkdtempSync(join(tmpdir(), 'unplugin-sameorigin-'))
    onTestFinished(() => rmSync(root, { recursive: true, force: true }))
    writeFileSync(join(root, 'pnpm-workspace.yaml'), '')
    writeFileSync(join(root, 'index.js'), "document.title = 'fixture'\n")
    writeFileSync(join(root, 'sameorigin.config.ts'), configFor(a.url))
    const printed: string[] = []
    const record = (...args: unknown[]): void => void printed.push(args.map(String).join(' '))
    const compiler = webpack({
      mode: 'development',
      context: root,
      entry: './index.js',
      devServer: { host: '127.0.0.1', port: 0, static: false },
      infrastructureLogging: {
        level: 'info',
        console: { ...console, info: record, log: record, warn: record, error: record },
      },
      plugins: [sameoriginWebpack()],
    })
    const server = new WebpackDevServer(compiler.options.devServer || {}, compiler)
    await server.start()
    onTestFinished(() => server.stop())
    const url = `http://127.0.0.1:${(server.server!.address() as AddressInfo).port}`
    expect(JSON.parse((await request(`${url}/api/x`)).body)).toMatchObject({ path: '/api/x' })

    writeFileSync(join(root, 'sameorigin.config.ts'), configFor(b.url))
    const changed = `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${b.url}/ (was ${a.url}/)`
    await vi.waitFor(() => expect(printed).toContain(changed), { timeout: 10_000 })
    expect(JSON.parse((await request(`${url}/api/y`)).body)).toMatchObject({ path: '/api/y' })
    expect(b.requests.map((recorded) => recorded.path)).toEqual(['/api/y'])
    expect(a.requests.map((recorded) => recorded.path)).toEqual(['/api/x'])
  }, 30_000)
})
