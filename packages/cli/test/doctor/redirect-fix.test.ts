// Issue 14, bug 3: after a cross-origin redirect the browser sends `Origin: null`, so a fix that
// allows the page's origin there changes nothing. Each fix doctor prints is applied to a real backend
// and must then be allowed by doctor and by Chromium.
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import { startBrowser } from './_browser.ts'
import type { BrowserPages } from './_browser.ts'

let browser: BrowserPages
let start: Listening
let final: Listening
/** What the final URL answers with: the header lines a fix prints, applied as they are. */
let finalHeaders: string[] = []

function headerPairs(lines: readonly string[]): [string, string][] {
  return lines.flatMap((line) => {
    const match = /^([A-Za-z-]+): (.+)$/.exec(line)
    return match === null ? [] : [[match[1] ?? '', match[2] ?? '']]
  })
}

beforeAll(async () => {
  browser = await startBrowser()
  const page = browser.origins.loopback
  final = await listen(
    createServer((_req, res) => res.writeHead(200, headerPairs(finalHeaders).flat()).end('{"ok":true}')),
  )
  // The first hop allows the page (its Origin is still the page's) and redirects to another origin.
  start = await listen(
    createServer((_req, res) =>
      res
        .writeHead(307, {
          location: `${final.url}/final`,
          'access-control-allow-origin': page,
          vary: 'Origin',
        })
        .end(),
    ),
  )
})

afterAll(async () => {
  await browser?.close()
  await start?.close()
  await final?.close()
})

interface Report {
  allowed: boolean
  fixes: { kind: string; title: string; lines: string[] }[]
}

async function doctor(url: string): Promise<Report> {
  const { stdout } = await runBin(['doctor', url, '--origin', browser.origins.loopback, '--json'], {
    cwd: tmpdir(),
  })
  return JSON.parse(stdout) as Report
}

const get = { method: 'GET', headers: [], credentials: 'omit' } as const

describe('a cross-origin redirect to a backend that allows the page', () => {
  it('is blocked by doctor and by Chromium, as it is today', async () => {
    finalHeaders = [`Access-Control-Allow-Origin: ${browser.origins.loopback}`]
    expect((await doctor(`${start.url}/start`)).allowed).toBe(false)
    expect((await browser.fetch('loopback', `${start.url}/start`, get)).resolved).toBe(false)
  })

  it('the header fix it prints, applied to the backend, is allowed by doctor and by Chromium', async () => {
    finalHeaders = [`Access-Control-Allow-Origin: ${browser.origins.loopback}`]
    const report = await doctor(`${start.url}/start`)
    const fix = report.fixes.find((candidate) => candidate.kind === 'headers')
    expect(fix?.title).toContain(`${final.url}/final`)
    expect(fix?.lines.join('\n')).toMatch(/Risk: `null`/)
    finalHeaders = fix?.lines ?? []
    expect((await doctor(`${start.url}/start`)).allowed).toBe(true)
    const outcome = await browser.fetch('loopback', `${start.url}/start`, get)
    expect(outcome.console.join('\n')).toBe('')
    expect(outcome).toMatchObject({ resolved: true, status: 200 })
  })

  it('the first advice is to call the final URL directly, which both allow', async () => {
    finalHeaders = [`Access-Control-Allow-Origin: ${browser.origins.loopback}`]
    const report = await doctor(`${start.url}/start`)
    const advice = report.fixes.find((candidate) => candidate.kind !== 'serve' && candidate.kind !== 'route')
    expect(advice?.title).toMatch(/final URL directly/)
    expect(advice?.lines.join('\n')).toContain(`${final.url}/final`)
    expect((await doctor(`${final.url}/final`)).allowed).toBe(true)
    expect((await browser.fetch('loopback', `${final.url}/final`, get)).resolved).toBe(true)
  })

  it('the proxy route goes to the final origin', async () => {
    finalHeaders = [`Access-Control-Allow-Origin: ${browser.origins.loopback}`]
    const report = await doctor(`${start.url}/start`)
    expect(report.fixes[0]?.lines.join('\n')).toContain(`--target ${final.url} `)
  })
})
