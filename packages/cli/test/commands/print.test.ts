import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'

function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-print-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  writeFileSync(join(dir, 'sameorigin.config.mjs'), config)
  return dir
}

const CONFIG = `export default {
  routes: {
    '/api': 'http://127.0.0.1:8080',
    '/v1/:rest*': { target: 'https://staging.example.com', rewrite: '/v2/:rest*' },
  },
}
`

describe('sameorigin print', () => {
  it('prints the route table in match order', async () => {
    const { code, stdout } = await runBin(['print'], { cwd: project(CONFIG) })
    expect(code).toBe(0)
    expect(stdout).toMatchInlineSnapshot(`
      "routes (first match wins):
        /api        → http://127.0.0.1:8080/
        /v1/:rest*  → https://staging.example.com/  (rewrite /v2/:rest*)
      "
    `)
  })

  it('--json prints the routes as plain values', async () => {
    const { stdout } = await runBin(['print', '--json'], { cwd: project(CONFIG) })
    const routes = JSON.parse(stdout) as { id: string; rewrite: string | null; ws: boolean }[]
    expect(routes.map((route) => [route.id, route.rewrite])).toEqual([
      ['/api', null],
      ['/v1/:rest*', '/v2/:rest*'],
    ])
  })

  it('--next prints the rewrites withSameOrigin gives Next, and what they lose', async () => {
    const { code, stdout, stderr } = await runBin(['print', '--next'], { cwd: project(CONFIG) })
    expect(code).toBe(0)
    expect(stdout).toContain('async rewrites() {')
    expect(stdout).toContain('"source": "/api/:path*"')
    expect(stdout).toContain('"destination": "http://127.0.0.1:8080/api/:path*"')
    expect(stderr).toContain('Next rewrites cannot carry everything')

    const json = JSON.parse(
      (await runBin(['print', '--next', '--json'], { cwd: project(CONFIG) })).stdout,
    ) as {
      beforeFiles: { source: string; destination: string }[]
      lost: unknown[]
    }
    // Two rewrites per route: Next matches `/api/x/` and `/api/x` separately (trailing slash kept).
    expect(json.beforeFiles.slice(0, 2)).toEqual([
      {
        source: '/api/:path*/',
        destination: 'http://127.0.0.1:8080/api/:path*/',
        basePath: false,
        locale: false,
      },
      {
        source: '/api/:path*',
        destination: 'http://127.0.0.1:8080/api/:path*',
        basePath: false,
        locale: false,
      },
    ])
    expect(json.lost.length).toBeGreaterThan(0)
  })

  it('refuses an unknown --next-mode with the accepted values', async () => {
    const { code, stderr } = await runBin(['print', '--next', '--next-mode', 'edge'], {
      cwd: project(CONFIG),
    })
    expect(code).toBe(2)
    expect(stderr).toContain('--next-mode must be rewrites or route (got "edge")')
  })
})
