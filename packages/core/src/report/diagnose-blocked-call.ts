import type { RequestShape } from '../doctor/check-request-shape.ts'
import type { DiagnoseOptions } from '../doctor/diagnose-blocked-request.ts'
import type { DoctorReport } from '../doctor/to-doctor-report.ts'
import { toProjectFix } from '../doctor/to-project-fix.ts'
import type { ResolvedRoute } from '../types.ts'
import type { BlockedCall, BlockedCallDiagnosis } from './types.ts'

/** `diagnoseBlockedRequest` from `@sameorigin/core/doctor`, or a function of the same contract. */
export type Diagnose = (shape: RequestShape, options: DiagnoseOptions) => Promise<DoctorReport>

/** Options of {@link diagnoseBlockedCall}. */
export interface DiagnoseBlockedCallOptions {
  readonly routes: readonly ResolvedRoute[]
  readonly diagnose: Diagnose
  /** The config file's name, for the fix's text. @default 'sameorigin.config.ts' */
  readonly configFile?: string | undefined
  /** Per request of the check. @default 15000 */
  readonly timeoutMs?: number | undefined
  /** Stops the check (the dev server closes). */
  readonly signal?: AbortSignal | undefined
}

/** Methods whose request the check may send again: RFC 9110's safe methods a page can use. */
const RESENDABLE = new Set(['GET', 'HEAD'])

/** The call's shape as `sameorigin doctor` takes it; a websocket's URL asked as http(s). */
export function toRequestShape(call: BlockedCall): RequestShape {
  return {
    url: call.url.replace(/^ws/, 'http'),
    origin: call.pageOrigin,
    method: call.method,
    headers: call.headers,
    credentials: call.credentials,
  }
}

/**
 * What the dev server tells about a call the page reports blocked, by one safety rule: the check
 * never sends a request the page's own call may have already delivered to the backend.
 *
 * - GET and HEAD (upper- or lower-case, as fetch normalises them), EventSource included: the doctor's
 *   checks run on the exact request, preflight, request and redirects, as `sameorigin doctor` does.
 * - Any other method: the preflight only, when one is needed. A preflight that fails is the verdict
 *   (the browser stopped there, so the backend never got the call). When none is needed, or it
 *   passes, the browser sent the request itself: the check stops before sending it again
 *   (`not-resent`), and the block says to run `sameorigin doctor` by hand.
 * - WebSocket: no check (handshakes have no CORS); the project's fix.
 */
export async function diagnoseBlockedCall(
  call: BlockedCall,
  options: DiagnoseBlockedCallOptions,
): Promise<BlockedCallDiagnosis> {
  const { routes, configFile } = options
  const shape = toRequestShape(call)
  const fix = toProjectFix(routes, shape.url, call.method.toUpperCase(), configFile)
  if (call.kind === 'websocket') return { kind: 'websocket', fix }
  const resendable = RESENDABLE.has(call.method.toUpperCase())
  const stop = new AbortController()
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([stop.signal, options.signal])
  let preflight: 'passed' | 'none' = 'none'
  let stopped = false
  try {
    const report = await options.diagnose(shape, {
      routes,
      configFile,
      signal,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      onRequest: ({ kind }) => {
        if (kind === 'preflight') preflight = 'passed'
        if (kind !== 'request' || resendable) return
        // Aborted before the request is written: Node destroys it before it connects.
        stopped = true
        stop.abort()
      },
    })
    return { kind: 'diagnosed', report }
  } catch (error) {
    if (stopped) return { kind: 'not-resent', preflight, fix }
    return { kind: 'no-answer', message: error instanceof Error ? error.message : String(error), fix }
  }
}
