// A dev server's report of a blocked call and `sameorigin doctor --json` run the same checks: for
// each shape of call the report handler diagnoses (the page's report, as the report client posts
// it), the command its block names, run for real with `--json`, gives the same verdict and the same
// blocking reasons, word for word.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlockedCall } from '@sameorigin/core'
import { createReportHandler, resolveConfig, toDoctorCommand } from '@sameorigin/core'
import { diagnoseBlockedRequest } from '@sameorigin/core/doctor'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { startCorsBackend } from './_cors-backend.ts'
import type { CorsBackend } from './_cors-backend.ts'

const PAGE = 'http://localhost:5173'

interface Shape {
  /** The call in words, for the title. */
  readonly name: string
  readonly config: string
  readonly method?: string
  readonly headers?: BlockedCall['headers']
  readonly credentials?: BlockedCall['credentials']
  /** The dev server checks the call itself (a GET, or a preflight that fails). @default true */
  readonly resent?: boolean
}

const SHAPES: readonly Shape[] = [
  { name: 'GET, no Access-Control-Allow-Origin', config: 'no-acao' },
  { name: 'GET, another origin allowed', config: 'wrong-origin' },
  { name: 'GET with credentials, * allowed', config: 'star-credentials', credentials: 'include' },
  {
    name: 'PUT of JSON (a failing preflight)',
    config: 'no-acao',
    method: 'PUT',
    headers: [['content-type', 'application/json']],
  },
  { name: 'GET with Authorization (a failing preflight)', config: 'no-acao', headers: ['authorization'] },
  // No preflight: the browser sent the POST itself, so the dev server does not send it again.
  {
    name: 'POST of text (no preflight)',
    config: 'no-acao',
    method: 'POST',
    headers: [['content-type', 'text/plain']],
    resent: false,
  },
]

/** The block the report handler prints for `call`, from a real handler and a real backend. */
async function reportBlock(call: BlockedCall, backendUrl: string): Promise<string> {
  const warnings: string[] = []
  const logger = {
    info: () => {},
    error: () => {},
    warn: (line: unknown) => void warnings.push(String(line)),
  }
  const { routes } = resolveConfig({ routes: { '/api': backendUrl } }, { env: {} })
  const handler = createReportHandler({ routes: () => routes, logger, diagnose: diagnoseBlockedRequest })
  onTestFinished(() => handler.close())
  const answer = await handler(
    new Request(`${PAGE}/__sameorigin/report`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'text/plain' },
      body: JSON.stringify(call),
    }),
  )
  expect(answer?.status).toBe(204)
  // The check runs after the 204, as in a dev server: wait for its block.
  for (let tries = 0; tries < 200 && warnings.length === 0; tries++)
    await new Promise((resolve) => setTimeout(resolve, 25))
  expect(warnings).toHaveLength(1)
  return warnings[0] ?? ''
}

/** `sameorigin doctor --json` run for real with the arguments of `toDoctorCommand(call)`. */
async function doctorJson(call: BlockedCall): Promise<DoctorJson> {
  const words = [call.url, '--origin', call.pageOrigin, '--method', call.method]
  for (const header of call.headers)
    words.push('--header', typeof header === 'string' ? header : `${header[0]}: ${header[1]}`)
  if (call.credentials === 'include') words.push('--credentials')
  const cwd = mkdtempSync(join(tmpdir(), 'sameorigin-report-'))
  onTestFinished(() => rmSync(cwd, { recursive: true, force: true }))
  const { stdout } = await runBin(['doctor', ...words, '--json'], { cwd })
  return JSON.parse(stdout) as DoctorJson
}

interface DoctorJson {
  readonly allowed: boolean
  readonly reasons: readonly { readonly severity: string; readonly message: string }[]
}

describe('the report of a blocked call agrees with sameorigin doctor --json', () => {
  let backend: CorsBackend
  beforeAll(async () => {
    backend = await startCorsBackend(PAGE)
  })
  afterAll(() => backend?.close())

  const callOf = (shape: Shape): BlockedCall => ({
    kind: 'fetch',
    url: `${backend.a.url}/cfg/${shape.config}`,
    method: shape.method ?? 'GET',
    headers: shape.headers ?? [],
    credentials: shape.credentials ?? 'same-origin',
    pageOrigin: PAGE,
  })

  it.for(SHAPES.filter((shape) => shape.resent !== false))(
    'checked by the dev server: $name',
    async (shape) => {
      const call = callOf(shape)
      const block = await reportBlock(call, backend.a.url)
      const report = await doctorJson(call)
      expect(report.allowed).toBe(false)
      const blocking = report.reasons.filter((reason) => reason.severity === 'block')
      expect(blocking.length).toBeGreaterThan(0)
      for (const reason of blocking) expect(block).toContain(`✖ ${reason.message}`)
      expect(block.match(/✖/g)).toHaveLength(blocking.length)
    },
  )

  // The browser sent the call itself (no preflight): the dev server does not send it again (it may
  // have reached the backend) and names the command instead, which finds the answer blocked.
  it.for(SHAPES.filter((shape) => shape.resent === false))(
    'named as a command by the dev server: $name',
    async (shape) => {
      const call = callOf(shape)
      const block = await reportBlock(call, backend.a.url)
      expect(block).toContain(toDoctorCommand(call))
      expect((await doctorJson(call)).allowed).toBe(false)
    },
  )
})
