// The Caddy renderer alone: what it writes for each kind of route, what it declares lost, and that
// Caddy itself reads every file it writes (`caddy adapt`, when Caddy is installed).
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { UserConfig } from '@sameorigin/core'
import { caddyMissing, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { renderCaddy } from './_render-caddy.ts'

const CONFIGS: Readonly<Record<string, UserConfig>> = {
  prefix: { routes: { '/api': 'https://api.example.com/v1', '/': 'http://127.0.0.1:9000' } },
  pattern: { routes: { '/users/:id': { target: 'http://127.0.0.1:9000', rewrite: '/v2/people/:id' } } },
  template: { routes: { '/api': { target: 'http://127.0.0.1:9000', rewrite: '/v2/:path*?legacy=1' } } },
  regexp: { routes: [{ path: /^\/v(?<n>\d+)\//, target: 'http://127.0.0.1:9000' }] },
  conditions: {
    routes: {
      '/api': {
        target: 'https://api.example.com',
        methods: ['get', 'POST'],
        matchHeaders: { accept: /json/i, 'x-mock': false, 'x-env': 'prod' },
        ca: TEST_CA,
        ws: false,
      },
      '/insecure': { target: 'https://10.0.0.1', secure: false, timeout: 0 },
    },
  },
}

describe('the Caddy renderer', () => {
  it('gives the same bytes for the same input', () => {
    for (const config of Object.values(CONFIGS)) expect(renderCaddy(config)).toEqual(renderCaddy(config))
  })

  it('keeps declaration order and never lets /api take /apix', () => {
    const [file] = renderCaddy(CONFIGS.prefix as UserConfig).files
    const content = file?.content ?? ''
    expect(content.indexOf('@route0')).toBeLessThan(content.indexOf('@route1'))
    expect(content).toContain('path_regexp route0 ^/api(?:(/(?P<path>.*?))??(/)?)$')
    expect(content).toContain('https://app.example.com {')
    expect(content).toContain('Caddy obtains and renews its certificate itself')
  })

  it('listens on --listen, plain http for an http origin', () => {
    const [file] = renderCaddy(CONFIGS.prefix as UserConfig, {
      origin: 'http://127.0.0.1:8080',
      listen: 8080,
    }).files
    expect(file?.content).toContain('\nhttp://:8080 {\n')
    expect(file?.content).toContain('@foreign_host not host localhost 127.0.0.1 ::1')
  })

  it('leaves the development-only cookie rules out on an https origin, and keeps them on http', () => {
    const secure = renderCaddy(CONFIGS.prefix as UserConfig).files[0]?.content ?? ''
    const plain =
      renderCaddy(CONFIGS.prefix as UserConfig, { origin: 'http://app.example.com' }).files[0]?.content ?? ''
    for (const rule of ['(?i:secure)', '(?i:samesite)', 'sameorigin-']) {
      expect(secure).not.toContain(rule)
      expect(plain).toContain(rule)
    }
    // Domain dropped and Path mapped back on both.
    expect(secure).toContain('(?i:domain)')
    expect(secure).toContain(
      'header_down Set-Cookie `^(.*?;\\s*(?i:path)\\s*=\\s*)/v1(/[^;]*)?(\\s*(?:;.*)?)$` $1/api$2$3',
    )
  })

  it('writes the CA beside the Caddyfile, and the methods and header conditions as matchers', () => {
    const { files, losses } = renderCaddy(CONFIGS.conditions as UserConfig)
    expect(files.map((file) => file.path)).toEqual(['Caddyfile', 'caddy-ca-route0.pem'])
    expect(files[1]?.content.trim()).toBe(TEST_CA.trim())
    const content = files[0]?.content ?? ''
    expect(content).toContain('tls_trusted_ca_certs caddy-ca-route0.pem')
    expect(content).toContain('method GET POST')
    expect(content).toContain('header_regexp h0 accept (?i)json')
    expect(content).toContain('not header x-mock *')
    expect(content).toContain('header_regexp h2 x-env ^prod$')
    expect(content).toContain('respond @route0_ws 404')
    expect(content).toContain('tls_insecure_skip_verify')
    expect(losses.map((loss) => loss.behaviour)).toEqual([
      'Refresh rewriting (redirects)',
      'silence between body chunks (timeout)',
    ])
  })

  it('declares what Caddy cannot do, in the file and in the result', () => {
    const { files, losses } = renderCaddy({
      routes: {
        '/fn': { target: 'http://127.0.0.1:9000', rewrite: (path) => path.toUpperCase() },
        '/look': { target: 'http://127.0.0.1:9000', matchHeaders: { accept: /^(?!text)/ } },
        '/dyn': { target: 'http://127.0.0.1:9000', headers: () => ({}), mock: './mocks' },
        '/q': { target: 'http://127.0.0.1:9000', rewrite: '/v2/:path*?legacy=1' },
      },
    })
    expect(losses.map((loss) => [loss.route, loss.behaviour])).toEqual([
      ['/fn', 'the whole route (rewrite: a function)'],
      ['/look', 'the whole route (matchHeaders accept: /^(?!text)/)'],
      ['/dyn', 'request headers computed per request (headers: a function)'],
      ['/dyn', 'answers from a mock (mock)'],
      ['/q', "the rewrite's query replacing the request's values (?legacy=1)"],
      [undefined, 'Refresh rewriting (redirects)'],
      [undefined, 'silence between body chunks (timeout)'],
    ])
    const content = files[0]?.content ?? ''
    for (const loss of losses) expect(content).toContain(loss.why)
    expect(content).not.toContain('# /fn →')
    expect(content).not.toContain('# /look →')
  })

  const missing = caddyMissing()
  it.skipIf(missing !== undefined)(
    `is read by Caddy itself${missing === undefined ? '' : ` (${missing})`}`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sameorigin-caddy-adapt-'))
      try {
        for (const [name, config] of Object.entries(CONFIGS)) {
          const file = join(dir, name)
          await writeFile(file, renderCaddy(config, { staticDir: 'dist' }).files[0]?.content ?? '')
          const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir }
          // A Caddyfile Caddy cannot read fails the call with Caddy's message (and the file's name).
          const adapted = await promisify(execFile)(
            '/usr/bin/caddy',
            ['adapt', '--config', file, '--adapter', 'caddyfile'],
            { env },
          ).catch((error: Error) => ({ stdout: `${name}: ${error.message}` }))
          expect(adapted.stdout).toMatch(/^\{"apps":/)
        }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
