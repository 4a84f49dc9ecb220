// `sameorigin doctor` as users run it: the real bin against real local servers. Exit codes, the
// `--json` document, progress on stderr, the fixes for the project in the current folder, errors
// with their code, hint and docs path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isProxyError } from '@sameorigin/core'
import { listen, startTlsUpstream, startUpstream, TEST_CA } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { runDoctor } from '@sameorigin/core/doctor'
import { runBin } from '../_bin.ts'
import { startCorsBackend } from './_cors-backend.ts'
import type { CorsBackend } from './_cors-backend.ts'

const PAGE = 'http://localhost:5173'
let backend: CorsBackend

beforeAll(async () => {
  backend = await startCorsBackend(PAGE)
})

afterAll(async () => {
  await backend?.close()
})

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-doctor-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const viteApp = (): string =>
  folder({
    'package.json': JSON.stringify({ name: 'app', devDependencies: { vite: '^8.3.0' } }),
    'vite.config.ts': 'export default {}\n',
  })

describe('exit codes and --json', () => {
  it('exits 0 when a browser would allow the request, and prints exactly the documented document', async () => {
    const { code, stdout, stderr } = await runBin(
      ['doctor', `${backend.a.url}/cfg/exact-credentials`, '--origin', PAGE, '--credentials', '--json'],
      { cwd: folder() },
    )
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const report = JSON.parse(stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(['allowed', 'preflight', 'request', 'reasons', 'fixes'])
    expect(report).toMatchObject({
      allowed: true,
      preflight: null,
      request: {
        origin: PAGE,
        url: `${backend.a.url}/cfg/exact-credentials`,
        method: 'GET',
        credentials: 'include',
        sent: true,
        status: 200,
        sameOrigin: false,
      },
      reasons: [],
      fixes: [],
    })
  })

  it('exits 1 when it would block, with the preflight as sent and answered', async () => {
    const { code, stdout } = await runBin(
      [
        'doctor',
        `${backend.a.url}/cfg/preflight-404`,
        '--origin',
        PAGE,
        '--method',
        'PUT',
        '--header',
        'Content-Type: application/json',
        '--header',
        'Authorization',
        '--json',
      ],
      { cwd: folder() },
    )
    expect(code).toBe(1)
    const report = JSON.parse(stdout) as {
      allowed: boolean
      preflight: {
        sent: boolean
        status: number
        requestHeaders: [string, string][]
        headers: [string, string][]
      }
      request: { sent: boolean }
      reasons: { code: string; severity: string; message: string; standard: string }[]
    }
    expect(report.allowed).toBe(false)
    expect(report.preflight.sent).toBe(true)
    expect(report.preflight.status).toBe(404)
    expect(report.preflight.requestHeaders).toContainEqual(['Access-Control-Request-Method', 'PUT'])
    expect(report.preflight.requestHeaders).toContainEqual([
      'Access-Control-Request-Headers',
      'authorization,content-type',
    ])
    expect(report.preflight.requestHeaders).toContainEqual(['Origin', PAGE])
    expect(report.preflight.headers).toContainEqual(['Access-Control-Allow-Methods', 'PUT'])
    // The browser stops at the failed preflight: the PUT itself is never sent.
    expect(report.request.sent).toBe(false)
    expect(report.reasons).toEqual([
      expect.objectContaining({
        code: 'preflight-status',
        severity: 'block',
        standard: 'https://fetch.spec.whatwg.org/#ok-status',
      }),
    ])
  })

  it('keeps duplicate response headers apart', async () => {
    const { stdout } = await runBin(['doctor', `${backend.a.url}/cfg/two-acao`, '--origin', PAGE, '--json'], {
      cwd: folder(),
    })
    const report = JSON.parse(stdout) as { request: { responseHeaders: [string, string][] } }
    expect(report.request.responseHeaders.filter(([name]) => name === 'Access-Control-Allow-Origin')).toEqual(
      [
        ['Access-Control-Allow-Origin', PAGE],
        ['Access-Control-Allow-Origin', PAGE],
      ],
    )
  })

  it('sends nothing for a same-origin URL, and allows it', async () => {
    const { code, stdout } = await runBin(
      ['doctor', `${backend.a.url}/cfg/no-acao`, '--origin', backend.a.url, '--json'],
      {
        cwd: folder(),
      },
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ allowed: true, request: { sameOrigin: true, sent: false } })
    expect(
      backend.seen.filter((seen) => seen.path === '/cfg/no-acao' && seen.origin === backend.a.url),
    ).toEqual([])
  })

  it('blocks a forbidden method without sending anything, and offers no fix', async () => {
    const before = backend.seen.length
    const { code, stdout } = await runBin(
      ['doctor', `${backend.a.url}/cfg/star`, '--origin', PAGE, '--method', 'TRACE', '--json'],
      {
        cwd: folder(),
      },
    )
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'forbidden-method' }],
      fixes: [],
    })
    expect(backend.seen.length).toBe(before)
  })
})

describe('human output', () => {
  it('prints the verdict, numbered reasons and "Fix it"; progress goes to stderr', async () => {
    const { code, stdout, stderr } = await runBin(
      ['doctor', `${backend.a.url}/cfg/preflight-no-methods`, '--origin', PAGE, '--method', 'PUT'],
      { cwd: viteApp() },
    )
    expect(code).toBe(1)
    expect(stderr).toBe(`→ OPTIONS ${backend.a.url}/cfg/preflight-no-methods (preflight)\n`)
    expect(stdout).toContain(`✖ A browser at ${PAGE} would BLOCK this request`)
    expect(stdout).toContain(
      '  1. block The preflight answer does not allow the method PUT: there is no Access-Control-Allow-Methods header.',
    )
    expect(stdout).toContain('method-not-allowed · https://fetch.spec.whatwg.org/#cors-preflight-fetch')
    expect(stdout).toContain('Fix it')
    expect(stdout).toContain(`1. Add sameorigin() to vite.config.ts and route '/cfg' → ${backend.a.url}`)
    expect(stdout).toContain(`export default defineConfig({ routes: { '/cfg': '${backend.a.url}' } })`)
    expect(stdout).toContain("Then call fetch('/cfg/preflight-no-methods') from the page")
    expect(stdout).toContain(`Access-Control-Allow-Origin: ${PAGE}`)
    expect(stdout).toContain('Access-Control-Allow-Methods: PUT')
    // NO_COLOR is set by the helper: no escape codes anywhere.
    expect(stdout).not.toContain('\u001b[')
  })

  it('prints one progress line per request, redirects included', async () => {
    const { stderr } = await runBin(
      ['doctor', `${backend.a.url}/cfg/redirect-put-307`, '--origin', PAGE, '--method', 'PUT'],
      {
        cwd: folder(),
      },
    )
    expect(stderr.trim().split('\n')).toEqual([
      `→ OPTIONS ${backend.a.url}/cfg/redirect-put-307 (preflight)`,
      `→ PUT ${backend.a.url}/cfg/redirect-put-307`,
      `→ OPTIONS ${backend.a.url}/cfg/methods-star (preflight)`,
      `→ PUT ${backend.a.url}/cfg/methods-star`,
    ])
  })

  it('colours the verdict when colour is forced', async () => {
    const { stdout } = await runBin(['doctor', `${backend.a.url}/cfg/star`, '--origin', PAGE], {
      cwd: folder(),
      env: { NO_COLOR: '', FORCE_COLOR: '1' },
    })
    expect(stdout).toContain('\u001b[32m\u001b[1mALLOW')
  })
})

async function fixes(
  cwd: string,
  url = `${backend.a.url}/cfg/no-acao`,
): Promise<{ kind: string; title: string; lines: string[] }[]> {
  const { stdout } = await runBin(['doctor', url, '--origin', PAGE, '--json', '--credentials'], { cwd })
  return (JSON.parse(stdout) as { fixes: { kind: string; title: string; lines: string[] }[] }).fixes
}

describe('fixes for the project in the current folder', () => {
  it('Vite: the plugin in the config file found, and the route', async () => {
    const [route, headers] = await fixes(viteApp())
    expect(route).toEqual({
      kind: 'route',
      title: `Add sameorigin() to vite.config.ts and route '/cfg' → ${backend.a.url}`,
      lines: [
        '// vite.config.ts',
        "import sameorigin from '@sameorigin/vite'",
        'export default defineConfig({ plugins: [sameorigin()] })',
        '',
        '// sameorigin.config.ts',
        "import { defineConfig } from '@sameorigin/vite'",
        `export default defineConfig({ routes: { '/cfg': '${backend.a.url}' } })`,
        '',
        "Then call fetch('/cfg/no-acao') from the page: same-origin, so no CORS at all.",
        '(`sameorigin init` adds the plugin for you.)',
      ],
    })
    // With credentials: the exact origin echoed, credentials allowed, Vary: Origin.
    expect(headers).toEqual({
      kind: 'headers',
      title: `Or fix the server: send these headers on the response to GET ${backend.a.url}/cfg/no-acao`,
      lines: [
        `Access-Control-Allow-Origin: ${PAGE}`,
        'Access-Control-Allow-Credentials: true',
        'Vary: Origin',
      ],
    })
  })

  it.each([
    ['next', { next: '16.4.6' }, 'next.config.mjs', 'Add withSameOrigin() to next.config.mjs'],
    [
      'rsbuild',
      { '@rsbuild/core': '2.3.0', '@rspack/core': '2.3.0' },
      'rsbuild.config.ts',
      'Add pluginSameOrigin() to rsbuild.config.ts',
    ],
    [
      'webpack',
      { webpack: '5.112.0' },
      'webpack.config.js',
      'Add new SameOriginPlugin() to webpack.config.js',
    ],
  ])('%s', async (_tool, dependencies, configFile, title) => {
    const cwd = folder({
      'package.json': JSON.stringify({ devDependencies: dependencies }),
      [configFile]: 'export default {}\n',
    })
    const [route] = await fixes(cwd)
    expect(route?.kind).toBe('route')
    expect(route?.title).toBe(`${title} and route '/cfg' → ${backend.a.url}`)
  })

  it('no project: the stand-alone proxy in CORS mode', async () => {
    const [serve] = await fixes(folder())
    expect(serve).toEqual({
      kind: 'serve',
      title: expect.stringContaining('No Vite, webpack, Rspack, Rsbuild or Next project'),
      lines: [
        `sameorigin serve --target ${backend.a.url} --allow-origin ${PAGE} --credentials`,
        "Then call http://localhost:5180/cfg/no-acao from the page (the proxy's default address, on the page's own host so its cookies stick) instead of the backend.",
      ],
    })
  })

  it('a URL at the root gets /api, rewritten away', async () => {
    const [route] = await fixes(viteApp(), `${backend.a.url}/`)
    expect(route?.lines).toContain(
      `export default defineConfig({ routes: { '/api': { target: '${backend.a.url}', rewrite: '/:path*' } } })`,
    )
  })

  it('preflighted requests: the preflight headers, by name', async () => {
    const { stdout } = await runBin(
      [
        'doctor',
        `${backend.a.url}/cfg/headers-star`,
        '--origin',
        PAGE,
        '--header',
        'Authorization: Bearer x',
        '--header',
        'X-Api-Key: k',
        '--json',
      ],
      { cwd: folder() },
    )
    const {
      fixes: [, preflight],
    } = JSON.parse(stdout) as { fixes: { lines: string[] }[] }
    expect(preflight?.lines).toEqual([
      `Access-Control-Allow-Origin: ${PAGE}`,
      'Access-Control-Allow-Headers: authorization, x-api-key',
      'Access-Control-Max-Age: 7200',
      'Vary: Origin',
    ])
  })
})

describe('errors', () => {
  it('an unreachable backend: ERR_CLI_REQUEST_FAILED with the cause, exit 2', async () => {
    const closed = await listen(createServer())
    await closed.close()
    const { code, stdout, stderr } = await runBin(['doctor', `${closed.url}/api/me`, '--origin', PAGE], {
      cwd: folder(),
    })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      `error ERR_CLI_REQUEST_FAILED: GET ${closed.url}/api/me failed: connect ECONNREFUSED`,
    )
    expect(stderr).toContain('hint: Check that the backend is running')
    expect(stderr).toContain('run: sameorigin explain ERR_CLI_REQUEST_FAILED')
  })

  it('no --origin: ERR_CLI_ARGUMENT_INVALID, exit 2', async () => {
    const { code, stderr } = await runBin(['doctor', `${backend.a.url}/cfg/star`], { cwd: folder() })
    expect(code).toBe(2)
    expect(stderr).toContain('error ERR_CLI_ARGUMENT_INVALID: doctor needs the origin of the page')
    expect(stderr).toContain('run: sameorigin explain ERR_CLI_ARGUMENT_INVALID')
  })

  it('a bad --header: ERR_CLI_ARGUMENT_INVALID, exit 2', async () => {
    const { code, stderr } = await runBin(
      ['doctor', `${backend.a.url}/cfg/star`, '--origin', PAGE, '--header', 'Bad Name: x'],
      {
        cwd: folder(),
      },
    )
    expect(code).toBe(2)
    expect(stderr).toContain('ERR_CLI_ARGUMENT_INVALID')
  })

  it('an https backend with an unknown CA fails like a browser would, with a TLS hint; trusted, it is asked', async () => {
    const upstream = await startTlsUpstream()
    onTestFinished(() => upstream.close())
    const url = `https://localhost:${upstream.port}/api/me`
    const untrusted = await runBin(['doctor', url, '--origin', PAGE], { cwd: folder() })
    expect(untrusted.code).toBe(2)
    expect(untrusted.stderr).toContain('ERR_CLI_REQUEST_FAILED')
    expect(untrusted.stderr).toContain("hint: The server's certificate was not accepted")
    const cwd = folder({ 'ca.pem': TEST_CA })
    const trusted = await runBin(['doctor', url, '--origin', PAGE, '--json'], {
      cwd,
      env: { NODE_EXTRA_CA_CERTS: join(cwd, 'ca.pem') },
    })
    // The echo upstream sends no CORS headers at all.
    expect(trusted.code).toBe(1)
    expect(JSON.parse(trusted.stdout)).toMatchObject({ reasons: [{ code: 'acao-missing' }] })
    expect(upstream.requests.at(-1)?.headers.origin).toBe(PAGE)
  })

  it('a backend that never answers: a timeout error (programmatic timeout)', async () => {
    const silent = await startUpstream({ handle: () => undefined })
    onTestFinished(() => silent.close())
    const error = await runDoctor({ url: `${silent.url}/slow`, origin: PAGE }, { timeoutMs: 200 }).catch(
      (caught: unknown) => caught,
    )
    expect(isProxyError(error) && error.code).toBe('ERR_CLI_REQUEST_FAILED')
    expect((error as Error).message).toBe(`GET ${silent.url}/slow failed: no answer within 200 ms`)
  })
})
