// The inspector is development only: a real `next build` of an app with the route handler and the
// report client in its `instrumentation-client.js`, then `next start`. The build's client chunks carry
// the app's instrumentation file but no report client, and the started server answers no inspector.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Upstream } from '@sameorigin/test-utils'
import { request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NextApp, NextRun } from './_next-app.ts'
import { createNextApp, runNext, serveNext } from './_next-app.ts'
import { inspectorAppFiles } from './_inspector-next-dev.ts'

/** Set by the app's instrumentation-client.js: proves the file is in the client build. */
const MARK = 'appInstrumentedMark'

let upstream: Upstream
let app: NextApp
let started: (NextRun & { url: string }) | undefined
let build: string

/** Every JavaScript file of the client build, concatenated. */
function clientChunks(root: string): string {
  const dir = join(root, '.next', 'static')
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

beforeAll(async () => {
  upstream = await startUpstream()
  app = createNextApp(inspectorAppFiles(upstream.url, MARK))
  const built = runNext(app.root, ['build'])
  const code = await built.exited
  build = built.output()
  if (code !== 0) throw new Error(`next build failed (${code}):\n${build}`)
  started = await serveNext(app.root, 'start')
}, 400_000)

afterAll(async () => {
  await started?.stop()
  app?.remove()
  await upstream?.close()
})

describe('next build and next start with the route handler and the report client', () => {
  it('builds the instrumentation file without the report client', async () => {
    const chunks = clientChunks(app.root)
    expect(chunks.includes(MARK)).toBe(true)
    // Strings only the report client holds (its mark, where it posts), and its module's name.
    const client = await readFile(
      createRequire(import.meta.url).resolve('@sameorigin/core/report-client.js'),
      'utf8',
    )
    expect(client).toContain("Symbol.for('sameorigin.report')")
    const found = ['sameorigin.report', '/__sameorigin/report', 'report-client'].filter((text) =>
      chunks.includes(text),
    )
    expect(found).toEqual([])
  })

  it('answers no inspector: its page, API, report and client script are 404', async () => {
    const { url } = started as NextRun & { url: string }
    // Without trailing slashes: `next start` has Next's own trailing-slash redirect (`withSameOrigin`
    // turns it off only while it forwards).
    for (const path of [
      '/__sameorigin',
      '/__sameorigin/index.html',
      '/__sameorigin/api/exchanges',
      '/__sameorigin/report-client.js',
      '/api/__sameorigin/api/exchanges',
    ])
      expect([path, (await request(`${url}${path}`)).status]).toEqual([path, 404])
    const report = await request(`${url}/__sameorigin/report`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(report.status).toBe(404)
    // Nothing reached the backend either: `next start` does not forward without `production: true`.
    expect(upstream.requests).toEqual([])
    expect(started?.output()).not.toContain('inspector')
  })
})
