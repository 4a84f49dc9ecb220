import { stripVTControlCharacters } from 'node:util'
// The Vite entry of the unplugin is the Vite adapter's plugin, through the factory: the same
// behaviour in a real Vite dev server (the adapter's own suite covers the details and versions).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { request, startUpstream } from '@sameorigin/test-utils'
import { createServer } from 'vite'
import type { Plugin } from 'vite'
import { describe, expect, it, onTestFinished } from 'vitest'
import sameoriginUnplugin, { sameoriginUnplugin as named, unpluginFactory } from '../src/index.ts'
import sameorigin from '../src/vite.ts'

async function startDev(plugin: Plugin): Promise<{ url: string; printed: string[]; printUrls: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'unplugin-sameorigin-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), '')
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>dev</title>\n')
  const printed: string[] = []
  // Vite colours its URLs whenever picocolors sees colour support (any CI=... environment included).
  const record = (message: string): void => void printed.push(stripVTControlCharacters(message))
  const server = await createServer({
    root,
    configFile: false,
    clearScreen: false,
    optimizeDeps: { noDiscovery: true, include: [] },
    customLogger: {
      info: record,
      warn: record,
      warnOnce: record,
      error: record,
      clearScreen: () => {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
    server: { host: '127.0.0.1', port: 0 },
    plugins: [plugin],
  })
  onTestFinished(() => server.close())
  await server.listen()
  const { port } = server.httpServer!.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, printed, printUrls: () => server.printUrls() }
}

describe('unplugin-sameorigin/vite', () => {
  it('is the unplugin instance’s Vite plugin, named like the adapter’s', () => {
    expect(sameoriginUnplugin).toBe(named)
    expect(sameoriginUnplugin.raw).toBe(unpluginFactory)
    const plugin = sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })
    expect(plugin).toMatchObject({ name: 'sameorigin:proxy', apply: 'serve' })
  })

  it('proxies in a real Vite dev server: before CORS, after the host check, table after the URLs', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const { url, printed, printUrls } = await startDev(sameorigin({ routes: { '/api': upstream.url } }))

    expect(JSON.parse((await request(`${url}/api/x`)).body)).toMatchObject({ method: 'GET', path: '/api/x' })
    const preflight = { origin: url, 'access-control-request-method': 'PUT' }
    expect((await request(`${url}/api/x`, { method: 'OPTIONS', headers: preflight })).status).toBe(200)
    expect((await request(`${url}/api/x`, { headers: { host: 'attacker.example' } })).status).toBe(403)
    expect(upstream.requests.map(({ method }) => method)).toEqual(['GET', 'OPTIONS'])

    printUrls()
    const local = printed.findIndex((line) => line.includes(`${url}/`))
    const table = printed.findIndex((line) => line.startsWith('[sameorigin] routes (first match wins):'))
    expect(local).toBeGreaterThanOrEqual(0)
    expect(table).toBeGreaterThan(local)
  })
})
