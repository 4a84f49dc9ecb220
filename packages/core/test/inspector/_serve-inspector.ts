import { afterEach, beforeEach } from 'vitest'
/**
 * The inspector on a real server: a real ExchangeLog (its subscribers counted), the handler with the
 * page's real files, and a stand-in app answering every other path, as a dev server mounts it.
 */
import { serveFetch } from '@sameorigin/test-utils'
import type { ServedFetch } from '@sameorigin/test-utils'
import { createExchangeLog } from '../../src/inspect/index.ts'
import type { ExchangeLog } from '../../src/inspect/index.ts'
import { createInspectorHandler } from '../../src/inspector/index.ts'
import type { InspectorHandlerOptions } from '../../src/inspector/index.ts'
import { readInspectorAsset } from '../../src/inspector/read-inspector-asset.ts'
import { createError } from '../../src/errors/proxy-error.ts'
import { planExchange, recordExchange, STAGING } from '../inspect/_exchange.ts'
import type { ExchangeCase } from '../inspect/_exchange.ts'

export interface ServedInspector extends ServedFetch {
  readonly log: ExchangeLog
  /** Subscribers the log has now. */
  readonly subscribers: () => number
  /** Records `input` through the real pipeline's plans into the served log. */
  readonly record: (input: ExchangeCase) => number
  /** Records a request to `url` whose upstream could not be reached (`ERR_UPSTREAM_UNREACHABLE`). */
  readonly recordFailure: (url: string) => number
}

/** Serves the inspector of a new log (the page's real files, `options` added); `close` stops the server. */
export async function serveInspector(options: InspectorHandlerOptions = {}): Promise<ServedInspector> {
  const log = createExchangeLog()
  let subscribers = 0
  const counted: ExchangeLog = {
    ...log,
    subscribe(listener) {
      subscribers += 1
      const unsubscribe = log.subscribe(listener)
      return () => {
        subscribers -= 1
        unsubscribe()
      }
    },
  }
  const inspector = createInspectorHandler(counted, { assets: readInspectorAsset, ...options })
  const served = await serveFetch(async (request) => (await inspector(request)) ?? new Response('the app'))
  return {
    ...served,
    log,
    subscribers: () => subscribers,
    record: (input) => recordExchange(input, log).id,
    recordFailure(url) {
      const { plan } = planExchange({ url })
      const { id } = log.start({ method: 'GET', url, headers: { host: 'localhost:5173' } })
      log.update(id, {
        route: plan.match.route.id,
        upstreamUrl: plan.match.upstreamUrl,
        upstreamRequestHeaders: plan.headers,
      })
      log.update(id, { status: 502, clientResponseHeaders: { 'content-type': 'text/plain' } })
      log.end(id, { failure: createError('ERR_UPSTREAM_UNREACHABLE') })
      return id
    },
  }
}

/** A login answered by a redirect and a cookie: Location and Set-Cookie rewritten. */
export const LOGIN: ExchangeCase = {
  method: 'POST',
  url: '/api/login?token=abc123',
  headers: {
    origin: 'http://localhost:5173',
    cookie: 'sid=old-secret',
    authorization: 'Bearer t0ps3cret',
    'content-type': 'application/json',
    'content-length': '14',
  },
  requestBody: new TextEncoder().encode('{"user":"ada"}'),
  status: 302,
  upstream: {
    location: `${STAGING}/v1/home`,
    'set-cookie': ['sid=s3cret; Domain=staging.example.com; Path=/v1; Secure; HttpOnly; SameSite=None'],
  },
}

/** A JSON answer. */
export const USERS: ExchangeCase = {
  url: '/api/users',
  status: 200,
  upstream: { 'content-type': 'application/json' },
  responseBody: new TextEncoder().encode('[{"id":1,"name":"Ada"}]'),
}

/** A 404 of another route. */
export const MISSING: ExchangeCase = {
  url: '/api/missing',
  status: 404,
  upstream: { 'content-type': 'text/plain' },
}

/** Polls `check` until it is true (a bound against hangs, not a timing assertion). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * A served inspector for each test of the file: started before it, closed after it. `inspector` is
 * the current test's; `api(path)` fetches below its `/__sameorigin/api/`.
 */
export function useServedInspector(): {
  readonly inspector: ServedInspector
  api(path: string, init?: RequestInit): Promise<Response>
} {
  let current: ServedInspector | undefined
  beforeEach(async () => {
    current = await serveInspector()
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  const served = {
    get inspector(): ServedInspector {
      if (current === undefined) throw new Error('the inspector is served during a test only')
      return current
    },
    api: (path: string, init?: RequestInit) =>
      fetch(`${served.inspector.url}/__sameorigin/api/${path}`, init),
  }
  return served
}
