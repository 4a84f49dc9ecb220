// The webpack and Rspack entries of the unplugin are `applySameOrigin` of @sameorigin/webpack (what its
// SameOriginPlugin runs), through the factory: the same behaviour in a real dev server. The adapter's
// own suite covers the details, webpack-dev-server 6 and the CLIs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rspack } from '@rspack/core'
import { RspackDevServer } from '@rspack/dev-server'
import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import webpack from 'webpack'
import WebpackDevServer from 'webpack-dev-server'
import sameoriginRspack from '../src/rspack.ts'
import sameoriginWebpack from '../src/webpack.ts'

function createProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'unplugin-sameorigin-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), '')
  writeFileSync(join(root, 'index.js'), "document.title = 'fixture'\n")
  return root
}

/** Infrastructure log lines, as the dev servers and the plugin print them. */
function captureConsole(): { console: Console; printed: string[] } {
  const printed: string[] = []
  const record = (...args: unknown[]): void => void printed.push(args.map(String).join(' '))
  return { console: { ...console, info: record, log: record, warn: record, error: record }, printed }
}

const base = (root: string, logging: Console) =>
  ({
    mode: 'development',
    context: root,
    entry: './index.js',
    devServer: { host: '127.0.0.1', port: 0, static: false },
    infrastructureLogging: { level: 'info', console: logging },
  }) as const

describe('unplugin-sameorigin/webpack and /rspack', () => {
  it('/webpack proxies in webpack-dev-server, table after the URLs', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const { console: logging, printed } = captureConsole()
    const plugin = sameoriginWebpack({ configFile: false, routes: { '/api': upstream.url } })
    const compiler = webpack({ ...base(createProject(), logging), plugins: [plugin] })
    const { devServer } = compiler.options
    if (!devServer) throw new Error('the plugin left no devServer options')
    const server = new WebpackDevServer(devServer, compiler)
    await server.start()
    onTestFinished(() => server.stop())
    const { port } = server.server!.address() as AddressInfo

    expect(JSON.parse((await request(`http://127.0.0.1:${port}/api/x`)).body)).toMatchObject({
      path: '/api/x',
    })
    const running = printed.findIndex((line) => line.includes('Project is running at'))
    expect(running).toBeGreaterThanOrEqual(0)
    expect(
      printed.findIndex((line) => line.includes('[sameorigin] routes (first match wins):')),
    ).toBeGreaterThan(running)
  })

  it('/rspack proxies in the Rspack dev server', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const { console: logging } = captureConsole()
    const plugin = sameoriginRspack({ configFile: false, routes: { '/api': upstream.url } })
    const compiler = rspack({ ...base(createProject(), logging), plugins: [plugin] })
    const { devServer } = compiler.options
    if (!devServer) throw new Error('the plugin left no devServer options')
    const server = new RspackDevServer(devServer, compiler)
    await server.start()
    onTestFinished(() => server.stop())
    const { port } = server.server!.address() as AddressInfo

    expect(JSON.parse((await request(`http://127.0.0.1:${port}/api/x`)).body)).toMatchObject({
      path: '/api/x',
    })
    expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/x'])
  })
})
