import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError, isProxyError } from '../../errors/proxy-error.ts'
import { toHeaderRecord } from '../../fetch/to-header-record.ts'
import type { ReadonlyHeaderRecord } from '../../rewrite/types.ts'
import type { MockHandler, ResolvedMock } from '../../types.ts'
import { describeLookedFor, findMockFile } from './find-mock-file.ts'
import { toMockKey } from './to-mock-key.ts'
import type { MockAnswer, MockIO } from './types.ts'

/** What a mock lookup is given of the request. */
export interface MockRequest {
  readonly method: string
  /** The normalised path the route matched (`Match.path`). */
  readonly path: string
  /** The query as the browser sent it, with `?`, or `''`. */
  readonly search: string
  readonly headers: ReadonlyHeaderRecord
  /** The request as a handler receives it; built only when there is a handler to call. */
  readonly toRequest: () => Request
}

/** A mock's answer, no mock (with the files looked for, for messages), or a mock that failed. */
export type MockResult =
  | { readonly kind: 'answer'; readonly answer: MockAnswer }
  | { readonly kind: 'none'; readonly lookedFor: readonly string[]; readonly reason?: string }
  | { readonly kind: 'error'; readonly error: ProxyError }

const EVENT_STREAM = /text\/event-stream/i
/** Handler modules loaded for a resolved mock: a reloaded config is a new one, so it loads afresh. */
const loaded = new WeakMap<ResolvedMock, Promise<MockHandler>>()

/**
 * Asks a route's mock for the answer to a request: its handler first (a `Response` answers,
 * `undefined` goes on), then its folder (see `findMockFile`). Event streams and websocket handshakes
 * are never mocked. Never rejects: a handler that throws, or a file that cannot be used, is an
 * `error` result.
 */
export async function findMock(
  mock: ResolvedMock,
  request: MockRequest,
  io: MockIO | undefined,
): Promise<MockResult> {
  const { headers } = request
  if (typeof headers.upgrade === 'string' && headers.upgrade.toLowerCase() === 'websocket')
    return mock.mode === 'always'
      ? { kind: 'error', error: createError('ERR_MOCK_WS_UNSUPPORTED') }
      : { kind: 'none', lookedFor: [], reason: 'websockets are not mocked' }
  if (typeof headers.accept === 'string' && EVENT_STREAM.test(headers.accept))
    return { kind: 'none', lookedFor: [], reason: 'event streams are not mocked' }
  try {
    const handler = await toHandler(mock, io)
    if (handler !== undefined) {
      const answer = await callHandler(handler, request)
      if (answer !== undefined) return { kind: 'answer', answer }
    }
    if (mock.dir === undefined)
      return { kind: 'none', lookedFor: [], reason: 'the handler answered undefined' }
    if (io === undefined) throw createError('ERR_MOCK_UNSUPPORTED')
    const key = toMockKey(request.method, request.path, request.search)
    if (key === undefined)
      return {
        kind: 'none',
        lookedFor: [],
        reason: `${request.method} requests with this path are not mocked`,
      }
    const found = await findMockFile(io.files(mock.dir), key)
    if (found === undefined) return { kind: 'none', lookedFor: describeLookedFor(key) }
    return isProxyError(found) ? { kind: 'error', error: found } : { kind: 'answer', answer: found }
  } catch (error) {
    if (isProxyError(error)) return { kind: 'error', error }
    const message = `The mock of this route failed: ${error instanceof Error ? error.message : String(error)}`
    return { kind: 'error', error: createError('ERR_MOCK_HANDLER_FAILED', { message, cause: error }) }
  }
}

async function toHandler(mock: ResolvedMock, io: MockIO | undefined): Promise<MockHandler | undefined> {
  if (mock.handler !== undefined || mock.handlerModule === undefined) return mock.handler
  if (io === undefined) throw createError('ERR_MOCK_UNSUPPORTED')
  let loading = loaded.get(mock)
  if (loading === undefined) {
    const file = mock.handlerModule
    loading = io.loadHandler(file).catch((cause: unknown) => {
      // Not kept: the next request tries again (the module may have been fixed meanwhile).
      loaded.delete(mock)
      const problem = cause instanceof Error ? cause.message : String(cause)
      throw createError('ERR_MOCK_HANDLER_FAILED', {
        message: `The mock handler ${file} could not be loaded: ${problem}`,
        cause,
      })
    })
    loaded.set(mock, loading)
  }
  return loading
}

async function callHandler(handler: MockHandler, request: MockRequest): Promise<MockAnswer | undefined> {
  let response: unknown
  try {
    response = await handler(request.toRequest())
  } catch (cause) {
    const problem = cause instanceof Error ? cause.message : String(cause)
    throw createError('ERR_MOCK_HANDLER_FAILED', { message: `The mock handler threw: ${problem}`, cause })
  }
  if (response === undefined) return undefined
  if (!(response instanceof Response))
    throw createError('ERR_MOCK_HANDLER_FAILED', {
      message: 'The mock handler returned something that is not a Response (nor undefined).',
    })
  return {
    status: response.status,
    headers: toHeaderRecord(response.headers),
    body: response.body,
    source: 'handler',
  }
}
