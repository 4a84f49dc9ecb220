// `sameorigin cors-policy` end to end: the real bin on a real recording in a project folder (its
// sameorigin.config.mjs, .env.production, src/), writing files, printing the reasons, --json, errors.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runDoctor } from '@sameorigin/core/doctor'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import { toRequestShape } from '../../src/doctor/to-request-shape.ts'
import { APP_SOURCE } from './_app.ts'
import { startFrameworkBackend } from './_backends.ts'
import { recordApp } from './_record.ts'
import type { Recorded } from './_record.ts'

let recorded: Recorded
beforeAll(async () => {
  recorded = await recordApp()
  mkdirSync(join(recorded.dir, 'src'))
  writeFileSync(join(recorded.dir, 'src/api.js'), APP_SOURCE)
}, 60_000)
afterAll(() => rmSync(recorded.dir, { recursive: true, force: true }))

const run = (args: readonly string[], env?: Record<string, string>) =>
  runBin(['cors-policy', ...args], { cwd: recorded.dir, ...(env === undefined ? {} : { env }) })

describe('sameorigin cors-policy', () => {
  it('prints what it inferred and why, and writes the Express module that a real server runs', async () => {
    const result = await run([
      '--har',
      'app.har',
      '--origin',
      'http://app.localhost:5173',
      '--src',
      'src',
      '--for',
      'express',
      '--out',
      'cors-policy.mjs',
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('CORS policy for production, learned from 4 call(s) in app.har')
    expect(result.stdout).toMatch(
      /skipped GET http:\/\/127\.0\.0\.1:\d+\/: no route of the config matches its path/,
    )
    expect(result.stdout).toMatch(
      /✓ x-csrf-token: the page sets it on PUT http:\/\/127\.0\.0\.1:\d+\/api\/items\/1/,
    )
    expect(result.stdout).toContain('✓ x-total-count: src/api.js reads it')
    expect(result.stdout).toContain('· not x-request-id: the backend sends it, but no file of --src reads it')
    expect(result.stdout).toContain(
      '· not accept, accept-language: CORS-safelisted: a browser sends them without asking',
    )
    expect(result.stdout).toMatch(
      /· not host, connection, .*, cookie: the browser sets them; page code cannot/,
    )
    expect(result.stdout).toContain('✓ wrote cors-policy.mjs')
    const written = readFileSync(join(recorded.dir, 'cors-policy.mjs'), 'utf8')
    expect(written).toContain(
      "// Regenerate when the app's calls change: sameorigin cors-policy --har app.har --origin http://app.localhost:5173 --src src --for express",
    )
    const { corsOptions } = (await import(pathToFileURL(join(recorded.dir, 'cors-policy.mjs')).href)) as {
      corsOptions: Record<string, unknown>
    }
    expect(corsOptions).toEqual({
      origin: ['http://app.localhost:5173'],
      methods: ['DELETE', 'GET', 'POST', 'PUT'],
      allowedHeaders: ['content-type', 'x-csrf-token'],
      exposedHeaders: ['x-total-count'],
      credentials: true,
      maxAge: 7200,
    })
    const backend = await startFrameworkBackend('express', corsOptions)
    try {
      const shape = toRequestShape({
        url: `${backend.url}/api/items/1`,
        origin: 'http://app.localhost:5173',
        method: 'PUT',
        headers: ['Content-Type: application/json', 'X-CSRF-Token: t'],
        credentials: true,
      })
      expect((await runDoctor(shape)).allowed).toBe(true)
    } finally {
      await backend.close()
    }
  })

  it('without --out prints the code on stdout and the reasons on stderr', async () => {
    const result = await run(['--har', 'app.har', '--mode', 'development', '--format', 'koa'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\/\/ Least-privilege CORS policy \(development\)/)
    expect(result.stdout).toContain(
      'const LOOPBACK_ORIGIN = /^http:\\/\\/(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?$/',
    )
    expect(result.stderr).toContain('✓ http://localhost:*, http://127.0.0.1:*, http://[::1]:*: development')
  })

  it('takes the production origins from SAMEORIGIN_CORS_ORIGINS in .env.production; --json prints one document', async () => {
    writeFileSync(
      join(recorded.dir, '.env.production'),
      'SAMEORIGIN_CORS_ORIGINS=https://app.example.com, https://www.example.com\n',
    )
    try {
      const result = await run(['--har', 'app.har', '--json', '--for', 'hono'])
      expect(result.code).toBe(0)
      const document = JSON.parse(result.stdout) as {
        policy: { origins: unknown; credentials: boolean; exposeHeaders: string[] }
        reasons: { part: string; value: string; why: string }[]
        calls: number
        format: string
        files: { name: string; content: string }[]
      }
      expect(document.policy.origins).toEqual({
        exact: ['https://app.example.com', 'https://www.example.com'],
        loopback: false,
      })
      expect(document.reasons).toContainEqual({
        part: 'origins',
        value: 'https://app.example.com',
        why: 'given by SAMEORIGIN_CORS_ORIGINS (.env.production)',
      })
      expect([document.calls, document.format, document.policy.credentials]).toEqual([4, 'hono', true])
      expect(document.files[0]?.content).toContain(
        "const ALLOWED_ORIGINS = new Set(['https://app.example.com', 'https://www.example.com'])",
      )
    } finally {
      rmSync(join(recorded.dir, '.env.production'))
    }
  })

  it('writes nginx as two files: the maps for http {} at --out, the location part beside it', async () => {
    const result = await run([
      '--har',
      'app.har',
      '--origin',
      'https://app.example.com',
      '--for',
      'nginx',
      '--out',
      'conf/cors.http.conf',
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('✓ wrote conf/cors.http.conf\n✓ wrote conf/cors-policy.location.conf')
    expect(readFileSync(join(recorded.dir, 'conf/cors.http.conf'), 'utf8')).toContain(
      'map $http_origin $cors_allow_origin {\n    default "";\n    "https://app.example.com" $http_origin;\n}',
    )
    expect(readFileSync(join(recorded.dir, 'conf/cors-policy.location.conf'), 'utf8')).toContain(
      '    return 204;\n}',
    )
  })

  it.each([
    [[], /pass --har <file>/],
    [['--har', 'app.har'], /needs the exact origins of the app's pages/],
    [['--har', 'app.har', '--origin', '*'], /--origin is "\*"/],
    [
      ['--har', 'app.har', '--origin', 'https://a.example', '--for', 'django'],
      /--for django is not a format: use express, fastify, hono, koa, nginx, caddy/,
    ],
    [['--har', 'package.json', '--origin', 'https://a.example'], /--har package.json is not a HAR log/],
  ])('refuses %j with ERR_CLI_ARGUMENT_INVALID (exit 2)', async (args, message) => {
    const result = await run(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('ERR_CLI_ARGUMENT_INVALID')
    expect(result.stderr).toMatch(message)
  })
})
