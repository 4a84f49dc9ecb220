import type { Tap } from '@sameorigin/test-utils'
import { startTap } from '@sameorigin/test-utils'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { late } from './late.ts'

// The raw TCP tap as a conformance block's upstream, and what the framing scenarios send through it.

/** The body the framing scenarios send. */
export const BODY = 'hello, upstream'

/** Bodies that a backend reading them unframed would take for requests of their own. */
export const PAYLOADS = {
  'a request outside the base path': 'GET /secret HTTP/1.1\r\nHost: x\r\n\r\n',
  'a POST that would swallow the next request':
    'POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 120\r\n\r\n',
} as const

/** What the tap read, one line per request: method, target, then its body or its cookie. */
export function describeRequests(tap: Tap): string[] {
  return tap.requests.map(
    (request) =>
      `${request.method} ${request.target} ${request.body.length > 0 ? request.body.toString('latin1') : (request.headers.cookie?.join('; ') ?? '')}`,
  )
}

/** A raw tap for the enclosing block; its record is forgotten before each test. */
export function useTap(): Tap {
  const tap = late<Tap>('the tap')
  let started: Tap | undefined
  beforeAll(async () => {
    started = await startTap()
    tap.set(started)
  })
  beforeEach(() => started?.reset())
  afterAll(async () => {
    await started?.close()
    tap.set(undefined)
  })
  return tap.value
}
