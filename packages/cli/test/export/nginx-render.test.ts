// What `sameorigin export nginx` writes, read as text: the same config gives the same bytes, every
// behaviour nginx cannot express is a loss (printed and in the file), and the command's files and
// `--check` work end to end through the real bin. A rich config is also started by the real nginx,
// which refuses any directive it does not know.
import { spawnSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import {
  HAS_NGINX,
  NGINX_PATH,
  request,
  startUpstream,
  TEST_CA,
  TEST_CERT,
  TEST_KEY,
} from '@sameorigin/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { nginxTarget } from '../../src/export/nginx/nginx-target.ts'
import type { ExportOutput } from '../../src/export/types.ts'
import { runBin } from '../_bin.ts'
import { serveExport } from './_nginx.ts'

function render(config: UserConfig, origin = 'https://app.example.com', listen?: number): ExportOutput {
  return nginxTarget.render({
    config: resolveConfig(config, { env: {} }),
    origin: new URL(origin),
    staticDir: 'dist',
    listen,
    mode: 'production',
    command: `sameorigin export nginx --origin ${origin} --static dist`,
  })
}

/** A config using every option; `host` names the https targets (nginx resolves them when it starts). */
function rich(host: string): UserConfig {
  return {
    routes: {
      '/api': {
        target: `https://${host}/v1`,
        headers: { 'x-api-key': 'a$b"c', cookie: null },
        responseHeaders: { 'x-frame-options': 'DENY', server: null },
        ca: TEST_CA,
      },
      '/legacy': { target: `https://${host}:8443`, secure: false, ws: false, timeout: 0 },
      '/users/:id': { target: 'http://127.0.0.1:4000', rewrite: '/u/:id?full=1', methods: ['GET'] },
      '/fn': { target: 'http://127.0.0.1:4000', rewrite: (path) => path.toUpperCase() },
      '/dyn': { target: 'http://localhost:4000', headers: () => ({ authorization: 'x' }), mock: './mocks' },
      '/cond': { target: 'http://127.0.0.1:4000', matchHeaders: { accept: /json/i, 'x-use-mock': false } },
    },
  }
}

const RICH = rich('api.example.com')

describe('sameorigin export nginx: the file', () => {
  it('gives the same bytes for the same config', () => {
    expect(render(RICH)).toEqual(render(RICH))
  })

  it('declares every behaviour it cannot express, in the losses and in the header', () => {
    const { losses, files } = render(RICH)
    const said = losses.map((loss) => `${loss.route ?? '*'}: ${loss.behaviour}`)
    expect(said).toEqual(
      expect.arrayContaining([
        '/users/:id: methods',
        "/users/:id: the rewrite's query",
        '/fn: rewrite function (rewrite)',
        '/dyn: headers function (headers)',
        '/dyn: mock',
        '/cond: matchHeaders',
        '*: Content-Location rewriting (redirects)',
      ]),
    )
    const main = files[0]?.content ?? ''
    for (const loss of losses) expect(main).toContain(loss.why)
    // The function rewrite's route is not written at all; the others are.
    expect(main).not.toContain('location ~ "^/fn')
    expect(main).toContain('location ~ "^/cond')
  })

  it('writes TLS to the targets: SNI, verification with the route CA file, or none with secure: false', () => {
    const { files } = render(RICH)
    const main = files[0]?.content ?? ''
    expect(files.map((file) => file.path)).toEqual(['sameorigin.nginx.conf', 'sameorigin-ca-1.pem'])
    expect(files[1]?.content).toBe(TEST_CA.endsWith('\n') ? TEST_CA : `${TEST_CA}\n`)
    expect(main).toContain('proxy_ssl_name "api.example.com";')
    expect(main).toContain('proxy_ssl_trusted_certificate "sameorigin-ca-1.pem";')
    expect(main).toContain('proxy_ssl_verify off;')
    expect(main).toContain('listen 443 ssl http2;')
  })

  it('keeps header values literal: quotes escaped, $ not read as a variable', () => {
    const main = render(RICH).files[0]?.content ?? ''
    expect(main).toContain('proxy_set_header x-api-key "a${sameorigin_dollar}b\\"c";')
    expect(main).toContain('proxy_set_header cookie "";')
  })

  it('drops Secure on a plain-http origin, and says what it cannot do there', () => {
    const { files, losses } = render(
      { routes: { '/api': 'https://api.example.com' } },
      'http://127.0.0.1:8080',
    )
    expect(files[0]?.content).toContain('proxy_cookie_flags ~ nosecure;')
    expect(files[0]?.content).toContain('listen 8080;')
    expect(losses.map((loss) => loss.behaviour)).toContain(
      'SameSite=None and __Secure-/__Host- cookies on plain http (cookies)',
    )
  })
})

describe.skipIf(!HAS_NGINX)(
  `the exported file, started by nginx${HAS_NGINX ? '' : ` (nginx is not installed at ${NGINX_PATH}: skipped)`}`,
  () => {
    it('starts with every directive of a rich config, and serves its routes', async () => {
      const backend = await startUpstream()
      const nginx = await serveExport({
        routes: {
          ...rich('localhost').routes,
          '/echo/:rest*': { target: `${backend.url}/base`, rewrite: '/e/:rest*' },
        },
      })
      try {
        const res = await request(`${nginx.url}/echo/a/b?x=1`)
        expect((JSON.parse(res.body) as { path: string }).path).toBe('/base/e/a/b?x=1')
        expect(await nginx.errorLog()).not.toMatch(/\[(?:emerg|alert)\]/)
      } finally {
        await nginx.close()
        await backend.close()
      }
    })

    it('is accepted by `nginx -t` for an https origin (TLS, port 80 sent to https)', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sameorigin-nginx-t-'))
      try {
        const main = (render(rich('localhost')).files[0]?.content ?? '')
          .replace('/etc/ssl/certs/app.example.com.pem', join(dir, 'cert.pem'))
          .replace('/etc/ssl/private/app.example.com.key', join(dir, 'key.pem'))
        expect(main).toContain('return 301 https://app.example.com$request_uri;')
        await writeFile(join(dir, 'cert.pem'), TEST_CERT)
        await writeFile(join(dir, 'key.pem'), TEST_KEY)
        await writeFile(join(dir, 'sameorigin-ca-1.pem'), TEST_CA)
        await writeFile(join(dir, 'site.conf'), main)
        await writeFile(
          join(dir, 'nginx.conf'),
          `pid ${dir}/nginx.pid;\nevents {}\nhttp {\n  include ${dir}/site.conf;\n}\n`,
        )
        const checked = spawnSync(
          NGINX_PATH,
          ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
          {
            encoding: 'utf8',
          },
        )
        expect(checked.stderr).toContain('test is successful')
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  },
)

describe('sameorigin export nginx: the command', () => {
  const dirs: string[] = []
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('reads .env.production, writes the file, and --check says whether it is current', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sameorigin-export-'))
    dirs.push(dir)
    await chmod(dir, 0o755)
    await writeFile(
      join(dir, 'sameorigin.config.mjs'),
      "export default { routes: { '/api': { target: '${API_TARGET}', rewrite: '/:path*', responseHeaders: {} } } }\n",
    )
    await writeFile(join(dir, '.env.production'), 'API_TARGET=https://api.example.com/v1\n')
    const args = [
      'export',
      'nginx',
      '--origin',
      'https://app.example.com',
      '--static',
      'dist',
      '--out',
      'deploy',
    ]
    const written = await runBin(args, { cwd: dir })
    expect(written.code).toBe(0)
    const file = join(dir, 'deploy', 'sameorigin.nginx.conf')
    const content = await readFile(file, 'utf8')
    expect(content).toContain('# /api → https://api.example.com/v1')
    expect(content).toContain('upstream sameorigin_1 {\n  server api.example.com:443;')
    expect((await runBin([...args, '--check'], { cwd: dir })).code).toBe(0)
    await writeFile(file, `${content}# edited\n`)
    const stale = await runBin([...args, '--check'], { cwd: dir })
    expect(stale.code).toBe(1)
    expect(stale.stdout).toContain('differs from what the config gives')
  })
})
