// Each output's real server (Express, Fastify, Hono and Koa importing the module `sameorigin
// cors-policy` wrote; nginx and Caddy with its files in front of the backend),
// asked by the doctor (the core's `runDoctor`, as `sameorigin doctor` runs it) for every recorded
// call from each allowed origin (all allowed) and from a foreign origin (blocked); and for what the
// app never does (a header it never sends, a method it never uses): blocked too, least privilege.
import { rmSync } from 'node:fs'
import { runDoctor } from '@sameorigin/core/doctor'
import type { DoctorRun } from '@sameorigin/core/doctor'
import { request as sendRaw } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toRequestShape } from '../../src/doctor/to-request-shape.ts'
import type { ObservedRequest } from '../../src/cors-policy/types.ts'
import type { PolicyFormat } from '../../src/cors-policy/types.ts'
import { ORIGINS, toPolicies } from './_policies.ts'
import type { Policies, TestMode } from './_policies.ts'
import { recordApp } from './_record.ts'
import { serverMissing, startPolicyServer } from './_servers.ts'
import type { Recorded } from './_record.ts'

const FORMATS: readonly PolicyFormat[] = ['express', 'fastify', 'hono', 'koa', 'nginx', 'caddy']
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
  call: Pick<ObservedRequest, 'method' | 'url' | 'headers'>,
  origin: string,
  credentials: boolean,
): Promise<DoctorRun> {
  const { pathname, search } = new URL(call.url)
  return runDoctor(
    toRequestShape({
      url: `${backend}${pathname}${search}`,
      origin,
      method: call.method,
      headers: call.headers.map(([name, value]) => `${name}: ${value}`),
      credentials,
    }),
  )
}

const codes = (run: DoctorRun): string[] =>
  run.reasons.filter((r) => r.severity === 'block').map((r) => r.code)

describe.each(FORMATS)('the policy for %s', (format) => {
  // Without the engine the title says why these are skipped.
  const missing = serverMissing(format)
  describe.skipIf(missing !== undefined).each(MODES)(
    `in %s${missing === undefined ? '' : ` (${missing})`}`,
    (mode) => {
      let backend: { url: string; close: () => Promise<void> }
      beforeAll(async () => {
        backend = await startPolicyServer(format, learned.policies[mode], recorded.dir)
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

      // The servers' snippets add every CORS header through the origin check (a map, a matcher); the
      // libraries add some of theirs (Hono's credentials, Koa's Vary) whatever the origin, harmlessly.
      it.runIf(format === 'nginx' || format === 'caddy')(
        'answers a foreign preflight with no CORS header but Vary; an allowed one with 204 and Max-Age',
        async () => {
          const answer = await sendRaw(`${backend.url}/api/items/1`, {
            method: 'OPTIONS',
            headers: { origin: ORIGINS[mode].foreign, 'access-control-request-method': 'PUT' },
          })
          expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([])
          expect(answer.headers.vary).toContain('Origin')
          const allowed = await sendRaw(`${backend.url}/api/items/1`, {
            method: 'OPTIONS',
            headers: { origin: ORIGINS[mode].allowed[0], 'access-control-request-method': 'PUT' },
          })
          expect([allowed.status, allowed.headers['access-control-max-age']]).toEqual([
            204,
            String(learned.policies[mode].maxAge),
          ])
        },
      )

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
    },
  )
})
