import { ask } from './ask.ts'
import type { Answer } from './ask.ts'
import { checkCors } from './check-cors.ts'
import { checkExposeHeaders } from './check-expose-headers.ts'
import { checkLocalNetwork } from './check-local-network.ts'
import { checkMixedContent } from './check-mixed-content.ts'
import { checkPreflight } from './check-preflight.ts'
import { checkVary } from './check-vary.ts'
import { followRedirect, isRedirect } from './follow-redirect.ts'
import type { RequestState } from './follow-redirect.ts'
import { corsUnsafeRequestHeaderNames, needsPreflight } from './needs-preflight.ts'
import { parseDoctorInput } from './parse-doctor-input.ts'
import type { DoctorInput } from './parse-doctor-input.ts'
import { resolveHost } from './resolve-host.ts'
import type { ResolvedHost } from './resolve-host.ts'
import { resolvePageSpace } from './resolve-page-space.ts'
import { toAddressSpace } from './to-address-space.ts'
import { toPreflightHeaders, toRequestHeaders } from './to-browser-headers.ts'
import { toRequestFailed } from './to-request-failed.ts'
import type { DoctorRun, Exchange, HeaderList, PreflightReport, Reason } from './types.ts'

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

/**
 * Asks `input.url` what a browser at `input.origin` would ask, in the browser's order, and applies
 * the browser's checks at each step: forbidden method, mixed content, Local Network Access, the CORS
 * preflight when the Fetch standard needs one, the request, each redirect (CORS check on the hop,
 * Origin tainting, new preflight), then the CORS check of the final answer and the exposed headers.
 * Stops where the browser stops: after a failed preflight the request is not sent.
 * Throws `ERR_CLI_REQUEST_FAILED` when a request gets no answer, `ERR_CLI_ARGUMENT_INVALID` for input
 * fetch() would reject.
 */
export async function runDoctor(input: DoctorInput, options: RunDoctorOptions = {}): Promise<DoctorRun> {
  const parsed = parseDoctorInput(input)
  const { request } = parsed
  const reasons: Reason[] = [...parsed.reasons]
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const exchanges: Exchange[] = []
  const redirects: { status: number; from: string; to: string }[] = []
  const preflightNeeded = needsPreflight(request)
  const sameOrigin = new URL(request.url).origin === request.origin
  let preflight: PreflightReport | null =
    preflightNeeded && !sameOrigin
      ? { sent: false, url: request.url, requestHeaders: [], status: null, headers: [] }
      : null
  let state: RequestState = { ...request, pageOrigin: request.origin, redirectCount: 0 }

  const finish = (
    final?: Answer,
    readable?: readonly string[],
    hidden: readonly string[] = [],
  ): DoctorRun => ({
    allowed: !reasons.some((reason) => reason.severity === 'block'),
    preflight,
    request: {
      ...request,
      sameOrigin,
      sent: exchanges.some((exchange) => exchange.kind === 'request'),
      finalUrl: state.url,
      status: final?.status ?? null,
      responseHeaders: final?.headers ?? null,
      readableHeaders: readable ?? null,
      exchanges,
    },
    reasons,
    facts: {
      preflightNeeded,
      unsafeHeaderNames: corsUnsafeRequestHeaderNames(request.headers),
      hiddenHeaders: hidden,
      redirects,
    },
  })

  const send = async (
    kind: Exchange['kind'],
    method: string,
    headers: HeaderList,
    target: ResolvedHost,
  ): Promise<Answer> => {
    options.onRequest?.({ kind, method, url: state.url })
    let answer: Answer
    try {
      answer = await ask({
        method,
        url: state.url,
        // Node sets Host itself from the URL; it is listed for the report only.
        headers: headers.filter(([name]) => name !== 'Host'),
        address: target.address,
        family: target.family,
        timeoutMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      })
    } catch (error) {
      throw toRequestFailed(method, state.url, error)
    }
    exchanges.push({ kind, method, url: state.url, requestHeaders: headers, ...answer })
    return answer
  }

  if (reasons.some((reason) => reason.severity === 'block') || sameOrigin) return finish()
  const page = await resolvePageSpace(request.origin, timeoutMs)

  for (;;) {
    const mixed = checkMixedContent(request.origin, state.url)
    reasons.push(...mixed)
    if (mixed.length > 0) return finish()

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
    if (local.some((reason) => reason.severity === 'block')) return finish()

    let preflighted = false
    if (needsPreflight(state)) {
      const sentHeaders = toPreflightHeaders(state)
      const answer = await send('preflight', 'OPTIONS', sentHeaders, target)
      if (preflight !== null && !preflight.sent) {
        preflight = {
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
      reasons.push(...problems)
      if (problems.some((reason) => reason.severity === 'block')) return finish()
      preflighted = true
    }

    const answer = await send('request', state.method, toRequestHeaders(state), target)
    if (isRedirect(answer.status, answer.headers)) {
      const hop = checkCors(answer.headers, {
        origin: state.origin,
        credentials: state.credentials,
        on: `the ${answer.status} redirect response`,
      })
      reasons.push(...hop)
      if (hop.length > 0) return finish(answer)
      const outcome = followRedirect(state, answer, { preflighted })
      reasons.push(...outcome.reasons)
      if (outcome.kind === 'blocked') return finish(answer)
      redirects.push({ status: answer.status, from: state.url, to: outcome.next.url })
      state = outcome.next
      continue
    }

    const cors = checkCors(answer.headers, {
      origin: state.origin,
      credentials: state.credentials,
      on: 'the response',
    })
    reasons.push(...cors)
    if (cors.length > 0) return finish(answer)
    const exposed = checkExposeHeaders(answer.headers, state.credentials)
    reasons.push(...exposed.reasons, ...checkVary(answer.headers))
    return finish(answer, exposed.readable, exposed.hidden)
  }
}
