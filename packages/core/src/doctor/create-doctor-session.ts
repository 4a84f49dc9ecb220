import { ask } from './ask.ts'
import type { Answer } from './ask.ts'
import type { RequestState } from './follow-redirect.ts'
import { corsUnsafeRequestHeaderNames, needsPreflight } from './needs-preflight.ts'
import type { ResolvedHost } from './resolve-host.ts'
import type { ParsedRequest } from './to-fetch-request.ts'
import { toRequestFailed } from './to-request-failed.ts'
import type { DoctorRun, Exchange, FetchRequest, HeaderList, PreflightReport, Reason } from './types.ts'

/** What a session needs besides the request: `runDoctor`'s options, with the timeout decided. */
export interface DoctorSessionOptions {
  /** Per request. */
  readonly timeoutMs: number
  /** Aborts the request in flight (Ctrl-C). */
  readonly signal?: AbortSignal | undefined
  /** Called before each request is sent, for progress output. */
  readonly onRequest?:
    | ((event: { readonly kind: Exchange['kind']; readonly method: string; readonly url: string }) => void)
    | undefined
}

/**
 * One doctor run on its way: the page's request, the findings so far, the request as the current hop
 * sends it (`state`, replaced on each redirect), the first preflight, and the two things every step
 * does: send a request and record the exchange, and finish with the verdict.
 */
export interface DoctorSession {
  readonly request: FetchRequest
  /** The URL has the page's origin: no CORS, nothing is sent. */
  readonly sameOrigin: boolean
  readonly reasons: Reason[]
  readonly redirects: { status: number; from: string; to: string }[]
  state: RequestState
  /** The first preflight: set up when one is needed, filled in when it is sent. */
  preflight: PreflightReport | null
  /** Sends one request of the current hop to `target`; throws `ERR_CLI_REQUEST_FAILED` without an answer. */
  send(kind: Exchange['kind'], method: string, headers: HeaderList, target: ResolvedHost): Promise<Answer>
  /** The verdict as it stands: the final answer, and which of its headers the page can read. */
  finish(final?: Answer, readable?: readonly string[], hidden?: readonly string[]): DoctorRun
}

/** Starts a doctor run for the page's request, with the findings the input already gave. */
export function createDoctorSession(parsed: ParsedRequest, options: DoctorSessionOptions): DoctorSession {
  const { request } = parsed
  const exchanges: Exchange[] = []
  const preflightNeeded = needsPreflight(request)
  const sameOrigin = new URL(request.url).origin === request.origin
  const session: DoctorSession = {
    request,
    sameOrigin,
    reasons: [...parsed.reasons],
    redirects: [],
    state: { ...request, pageOrigin: request.origin, redirectCount: 0 },
    preflight:
      preflightNeeded && !sameOrigin
        ? { sent: false, url: request.url, requestHeaders: [], status: null, headers: [] }
        : null,
    send: async (kind, method, headers, target) => {
      const { url } = session.state
      options.onRequest?.({ kind, method, url })
      let answer: Answer
      try {
        answer = await ask({
          method,
          url,
          // Node sets Host itself from the URL; it is listed for the report only.
          headers: headers.filter(([name]) => name !== 'Host'),
          address: target.address,
          family: target.family,
          timeoutMs: options.timeoutMs,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        })
      } catch (error) {
        throw toRequestFailed(method, url, error)
      }
      exchanges.push({ kind, method, url, requestHeaders: headers, ...answer })
      return answer
    },
    finish: (final, readable, hidden = []) => ({
      allowed: !session.reasons.some((reason) => reason.severity === 'block'),
      preflight: session.preflight,
      request: {
        ...request,
        sameOrigin,
        sent: exchanges.some((exchange) => exchange.kind === 'request'),
        finalUrl: session.state.url,
        status: final?.status ?? null,
        responseHeaders: final?.headers ?? null,
        readableHeaders: readable ?? null,
        exchanges,
      },
      reasons: session.reasons,
      facts: {
        preflightNeeded,
        unsafeHeaderNames: corsUnsafeRequestHeaderNames(request.headers),
        hiddenHeaders: hidden,
        redirects: session.redirects,
      },
    }),
  }
  return session
}
