import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError } from '../../errors/proxy-error.ts'
import type { ResolvedMock, ResolvedRoute } from '../../types.ts'
import type { MockResult } from './find-mock.ts'

/**
 * The route's mock when `error` is its backend failing and the mock is in `'fallback'` mode: the
 * backend unreachable, a DNS, TLS or forward-proxy failure, a connect or response timeout, a reset
 * or an answer that is not HTTP (every `ERR_UPSTREAM_*`). The request's own faults never fall back.
 */
export function toFallbackMock(
  route: ResolvedRoute | undefined,
  error: ProxyError,
): ResolvedMock | undefined {
  const mock = route?.mock
  if (mock === undefined || mock.mode !== 'fallback') return undefined
  return error.code.startsWith('ERR_UPSTREAM_') ? mock : undefined
}

/** A 'fallback' mock's upstream status that counts as the backend failing. */
export function isFallbackStatus(route: ResolvedRoute, status: number): boolean {
  const { mock } = route
  return mock !== undefined && mock.mode === 'fallback' && mock.statuses.has(status)
}

/** What a lookup that found nothing adds to a hint: the files looked for, or why none was. */
export function describeNoMock(result: MockResult & { kind: 'none' }): string {
  if (result.reason !== undefined) return `No mock answered: ${result.reason}.`
  const shown = result.lookedFor.slice(0, 4).join(', ')
  const more = result.lookedFor.length > 4 ? ', …' : ''
  return result.lookedFor.length === 0
    ? 'No mock answered.'
    : `No mock answered (looked for ${shown}${more} in the mock folder; a [name] folder stands for any one segment).`
}

/** `error` with the lookup's outcome added to its hint, so the answer and the log line both say it. */
export function withNoMockHint(error: ProxyError, result: MockResult & { kind: 'none' }): ProxyError {
  return createError(error.code, {
    message: error.message,
    hint: `${error.hint} ${describeNoMock(result)}`,
    cause: error.cause,
    details: error.details,
  })
}

/** The 404 of an `'always'` mock that found nothing, naming the files it looked for. */
export function toMockNotFound(
  method: string,
  path: string,
  result: MockResult & { kind: 'none' },
): ProxyError {
  return createError('ERR_MOCK_NOT_FOUND', {
    message: `No mock answers ${method} ${path}, and the route's mock is in 'always' mode: the backend is not asked.`,
    hint: `${describeNoMock(result)} Record it once with mode: 'record' and the backend up, or write the file by hand.`,
  })
}

/**
 * The failure a `'fallback'` mock could not answer for, as the browser then gets it: `error` with
 * the files looked for (or why the mock failed) added to its hint.
 */
export function toUnansweredFailure(error: ProxyError, result: MockResult): ProxyError {
  if (result.kind === 'none') return withNoMockHint(error, result)
  if (result.kind === 'error')
    return withNoMockHint(error, {
      kind: 'none',
      lookedFor: [],
      reason: `the mock failed: ${result.error.message}`,
    })
  return error
}

/** An upstream status a `'fallback'` mock answers in place of, as the failure its `warn` line names. */
export function toStatusFailure(status: number): ProxyError {
  return createError('ERR_UPSTREAM_FAILED', {
    message: `The backend answered ${status}, one of the statuses the route's mock answers in place of.`,
    hint: "Check the backend; the mock answers while it does (the route's mock.statuses).",
  })
}
