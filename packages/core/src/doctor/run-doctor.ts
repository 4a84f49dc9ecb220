import type { Answer } from './ask.ts'
import { checkCors } from './check-cors.ts'
import { checkExposeHeaders } from './check-expose-headers.ts'
import { checkLocalNetwork } from './check-local-network.ts'
import { checkMixedContent } from './check-mixed-content.ts'
import { checkPreflight } from './check-preflight.ts'
import { checkVary } from './check-vary.ts'
import { createDoctorSession } from './create-doctor-session.ts'
import type { DoctorSession } from './create-doctor-session.ts'
import { followRedirect, isRedirect } from './follow-redirect.ts'
import { needsPreflight } from './needs-preflight.ts'
import { resolveHost } from './resolve-host.ts'
import type { ResolvedHost } from './resolve-host.ts'
import { resolvePageSpace } from './resolve-page-space.ts'
import type { PageSpace } from './resolve-page-space.ts'
import type { RequestShape } from './check-request-shape.ts'
import { toAddressSpace } from './to-address-space.ts'
import { toPreflightHeaders, toRequestHeaders } from './to-browser-headers.ts'
import { toFetchRequest } from './to-fetch-request.ts'
import { toRequestFailed } from './to-request-failed.ts'
import type { DoctorRun, Exchange, Reason } from './types.ts'

/** How long each request (and each DNS lookup) may take before doctor gives up. */
export const DEFAULT_TIMEOUT_MS = 15_000

/** Options of {@link runDoctor}. */
export interface RunDoctorOptions {
  /** Per request and per DNS lookup. @default 15000 */
  readonly timeoutMs?: number
  /** Aborts the request in flight (Ctrl-C). */
  readonly signal?: AbortSignal
  /** Called before each request is sent, for progress output. */
  readonly onRequest?: (event: {
    readonly kind: Exchange['kind']
    readonly method: string
    readonly url: string
  }) => void
}

/** Whether one of the findings makes the browser fail the request. */
const blocks = (reasons: readonly Reason[]): boolean => reasons.some((reason) => reason.severity === 'block')

/**
 * Before a hop's first request: mixed content, then where its host resolves and Local Network Access.
 * The address to send to, or `undefined` when the browser stops here.
 */
async function reachHop(
  session: DoctorSession,
  page: PageSpace,
  timeoutMs: number,
): Promise<ResolvedHost | undefined> {
  const { state, request, reasons } = session
  const mixed = checkMixedContent(request.origin, state.url)
  reasons.push(...mixed)
  if (mixed.length > 0) return undefined

  const url = new URL(state.url)
  let target: ResolvedHost
  try {
    target = await resolveHost(url.hostname, timeoutMs)
  } catch (error) {
    throw toRequestFailed(state.method, state.url, error)
  }
  const local = checkLocalNetwork({
    pageOrigin: request.origin,
    pageSpace: page.space,
    pageSpaceAssumed: page.assumed,
    pageSecure: page.secure,
    targetUrl: url.origin,
    targetAddress: target.address,
    targetSpace: toAddressSpace(target.address),
  })
  reasons.push(...local)
  return blocks(local) ? undefined : target
}

/**
 * The hop's CORS preflight, when the Fetch standard needs one: sent, recorded as the first preflight
 * if it is, and checked. `'blocked'` when the browser stops here, else whether a preflight went first.
 */
async function preflightHop(session: DoctorSession, target: ResolvedHost): Promise<boolean | 'blocked'> {
  const { state } = session
  if (!needsPreflight(state)) return false
  const sentHeaders = toPreflightHeaders(state)
  const answer = await session.send('preflight', 'OPTIONS', sentHeaders, target)
  if (session.preflight !== null && !session.preflight.sent) {
    session.preflight = {
      sent: true,
      url: state.url,
      requestHeaders: sentHeaders,
      status: answer.status,
      headers: answer.headers,
    }
  }
  const problems = checkPreflight(answer, {
    method: state.method,
    headers: state.headers,
    credentials: state.credentials,
    origin: state.origin,
  })
  session.reasons.push(...problems)
  return blocks(problems) ? 'blocked' : true
}

/** A redirect answer: the CORS check on the hop, then the next hop. False when the browser stops here. */
function redirectHop(session: DoctorSession, answer: Answer, preflighted: boolean): boolean {
  const { state, reasons } = session
  const on = `the ${answer.status} redirect response`
  const hop = checkCors(answer.headers, { origin: state.origin, credentials: state.credentials, on })
  reasons.push(...hop)
  if (hop.length > 0) return false
  const outcome = followRedirect(state, answer, { preflighted })
  reasons.push(...outcome.reasons)
  if (outcome.kind === 'blocked') return false
  session.redirects.push({ status: answer.status, from: state.url, to: outcome.next.url })
  session.state = outcome.next
  return true
}

/** The final answer: its CORS check, then which of its headers the page can read, and `Vary`. */
function finalAnswer(session: DoctorSession, answer: Answer): DoctorRun {
  const { state, reasons } = session
  const cors = checkCors(answer.headers, {
    origin: state.origin,
    credentials: state.credentials,
    on: 'the response',
  })
  reasons.push(...cors)
  if (cors.length > 0) return session.finish(answer)
  const exposed = checkExposeHeaders(answer.headers, state.credentials)
  reasons.push(...exposed.reasons, ...checkVary(answer.headers))
  return session.finish(answer, exposed.readable, exposed.hidden)
}

/**
 * Asks `shape.url` what a browser at `shape.origin` would ask, in the browser's order, and applies
 * the browser's checks at each step: forbidden method, mixed content, Local Network Access, the CORS
 * preflight when the Fetch standard needs one, the request, each redirect (CORS check on the hop,
 * Origin tainting, new preflight), then the CORS check of the final answer and the exposed headers.
 * Stops where the browser stops: after a failed preflight the request is not sent.
 * Throws `ERR_CLI_REQUEST_FAILED` when a request gets no answer, a `TypeError` for a shape fetch()
 * would reject (see `toFetchRequest`).
 */
export async function runDoctor(shape: RequestShape, options: RunDoctorOptions = {}): Promise<DoctorRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const session = createDoctorSession(toFetchRequest(shape), {
    timeoutMs,
    signal: options.signal,
    onRequest: options.onRequest,
  })
  if (blocks(session.reasons) || session.sameOrigin) return session.finish()
  const page = await resolvePageSpace(session.request.origin, timeoutMs)

  for (;;) {
    const target = await reachHop(session, page, timeoutMs)
    if (target === undefined) return session.finish()
    const preflighted = await preflightHop(session, target)
    if (preflighted === 'blocked') return session.finish()
    const { state } = session
    const answer = await session.send('request', state.method, toRequestHeaders(state), target)
    if (!isRedirect(answer.status, answer.headers)) return finalAnswer(session, answer)
    if (!redirectHop(session, answer, preflighted)) return session.finish(answer)
  }
}
