// Each framework's real server, its CORS configured with the module `sameorigin cors-policy` wrote,
// asked by the doctor (the core's `runDoctor`, as `sameorigin doctor` runs it) for every recorded
// call from each allowed origin (all allowed) and from a foreign origin (blocked); and for what the
// app never does (a header it never sends, a method it never uses): blocked too, least privilege.
import { rmSync } from 'node:fs'
import { runDoctor } from '@sameorigin/core/doctor'
import type { DoctorRun } from '@sameorigin/core/doctor'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toRequestShape } from '../../src/doctor/to-request-shape.ts'
import type { ObservedRequest } from '../../src/cors-policy/types.ts'
import { startFrameworkBackend } from './_backends.ts'
import type { FrameworkName } from './_backends.ts'
import { importPolicy, ORIGINS, toPolicies } from './_policies.ts'
import type { Policies, TestMode } from './_policies.ts'
import { recordApp } from './_record.ts'
import type { Recorded } from './_record.ts'

const FRAMEWORKS: readonly FrameworkName[] = ['express', 'fastify', 'hono', 'koa']
const MODES: readonly TestMode[] = ['production', 'development']

let recorded: Recorded
let learned: Policies
beforeAll(async () => {
  recorded = await recordApp()
  learned = await toPolicies(recorded)
}, 60_000)
afterAll(() => rmSync(recorded.dir, { recursive: true, force: true }))

/** The doctor's verdict on `request` sent to `backend` from a page on `origin`. */
function ask(
  backend: string,
  request: Pick<ObservedRequest, 'method' | 'url' | 'headers'>,
  origin: string,
  credentials: boolean,
): Promise<DoctorRun> {
  const { pathname, search } = new URL(request.url)
  return runDoctor(
    toRequestShape({
      url: `${backend}${pathname}${search}`,
      origin,
      method: request.method,
      headers: request.headers.map(([name, value]) => `${name}: ${value}`),
      credentials,
    }),
  )
}

const codes = (run: DoctorRun): string[] =>
  run.reasons.filter((r) => r.severity === 'block').map((r) => r.code)

describe.each(FRAMEWORKS)('the policy for %s', (framework) => {
  describe.each(MODES)('in %s', (mode) => {
    let backend: { url: string; close: () => Promise<void> }
    beforeAll(async () => {
      const policy = learned.policies[mode]
      const { corsOptions } = await importPolicy(recorded.dir, framework, policy)
      backend = await startFrameworkBackend(framework, corsOptions)
    })
    afterAll(() => backend.close())

    it('allows every recorded call from each allowed origin, with credentials, and X-Total-Count readable', async () => {
      const { credentials } = learned.policies[mode]
      expect(credentials).toBe(true)
      for (const origin of ORIGINS[mode].allowed) {
        for (const request of learned.requests) {
          const run = await ask(backend.url, request, origin, credentials)
          expect({ origin, call: `${request.method} ${request.url}`, blocked: codes(run) }).toEqual({
            origin,
            call: `${request.method} ${request.url}`,
            blocked: [],
          })
          expect(run.allowed).toBe(true)
          // Exposed only because the code reads it; the backend's own X-Request-Id stays hidden.
          const readable = run.request.readableHeaders ?? []
          expect([readable.includes('x-total-count'), readable.includes('x-request-id')]).toEqual(
            request.method === 'GET' ? [true, false] : [false, false],
          )
        }
      }
    })

    it('blocks every recorded call from a foreign origin', async () => {
      for (const request of learned.requests) {
        const run = await ask(backend.url, request, ORIGINS[mode].foreign, true)
        expect(run.allowed, `${request.method} ${request.url}`).toBe(false)
        expect(codes(run).some((code) => code.startsWith('acao'))).toBe(true)
      }
    })

    it('blocks, from an allowed origin, a header the app never sends and a method it never uses', async () => {
      const [origin = ''] = ORIGINS[mode].allowed
      const get = learned.requests.find((request) => request.method === 'GET')
      if (get === undefined) throw new Error('the recording has no GET')
      const header = await ask(
        backend.url,
        { ...get, headers: [...get.headers, ['X-Debug', '1']] },
        origin,
        true,
      )
      expect(header.allowed).toBe(false)
      const method = await ask(backend.url, { ...get, method: 'PATCH' }, origin, true)
      expect(method.allowed).toBe(false)
    })
  })
})
