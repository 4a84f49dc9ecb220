import { REPORT_PATH } from '../inspector/paths.ts'
import type { Logger, ResolvedRoute } from '../types.ts'
import { diagnoseBlockedCall } from './diagnose-blocked-call.ts'
import type { Diagnose } from './diagnose-blocked-call.ts'
import { formatBlockedCall } from './format-blocked-call.ts'
import { MAX_REPORT_BYTES, parseBlockedCall } from './parse-blocked-call.ts'
import { readLimitedText } from './read-limited-text.ts'
import { toBlockedCallKey } from './to-blocked-call-key.ts'
import type { BlockedCall, BlockedCallDiagnosis } from './types.ts'

export { REPORT_PATH }

/** Distinct shapes remembered per server; past it, new shapes are not printed (a page gone wild). */
const MAX_SHAPES = 1000

/** Options of {@link createReportHandler}. */
export interface ReportHandlerOptions {
  /** The routes as they are now (live reload swaps them): `() => config.routes`. */
  readonly routes: () => readonly ResolvedRoute[]
  /** Where the block goes, at `warn`: the adapter's logger (prefixed `[sameorigin]`). */
  readonly logger: Logger
  /** The doctor's checks: `diagnoseBlockedRequest` from `@sameorigin/core/doctor`. */
  readonly diagnose: Diagnose
  /** The config file's name, for the fix's text. @default 'sameorigin.config.ts' */
  readonly configFile?: (() => string | undefined) | undefined
  /** Per request of the check. @default 15000 */
  readonly timeoutMs?: number | undefined
  /**
   * Called with each block once it is printed (once per shape, like the block): the call, the
   * diagnosis and the block's text. The inspector records the entry with it.
   * @default none
   */
  readonly onReport?: ((call: BlockedCall, diagnosis: BlockedCallDiagnosis, text: string) => void) | undefined
}

/** A Fetch API handler for {@link REPORT_PATH}; `close()` stops the checks in flight. */
export interface ReportHandler {
  /** `undefined` for any other path (the host goes on); otherwise the answer. Never throws. */
  (request: Request): Promise<Response | undefined>
  /** Stops the checks in flight and resolves once their blocks are printed or dropped. */
  close(): Promise<void>
}

const answer = (status: number, problem?: string): Response =>
  problem === undefined
    ? new Response(null, { status })
    : new Response(`${problem}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** Why the request is refused, before its body is read, or `undefined`. */
function refuse(request: Request, origin: string): Response | undefined {
  if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } })
  if (request.headers.get('origin') !== origin) return answer(403, "Origin is not the dev server's own")
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin') return answer(403, 'Sec-Fetch-Site is not same-origin')
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'text/plain' && type !== 'application/json')
    return answer(415, 'Content-Type is not text/plain or application/json')
  return undefined
}

/**
 * The dev server's side of the report of blocked calls, transport-neutral (a Web `Request` in, a
 * `Response` out; no `node:` module): accepts `POST /__sameorigin/report` from the page's own
 * origin only (`Origin` equal to the server's origin, `Sec-Fetch-Site: same-origin` when sent),
 * reads the body strictly (at most 8 KiB, see `parseBlockedCall`), answers 204, and prints one
 * warning block per shape of call per server (`toBlockedCallKey`): what the browser blocked, why
 * (the doctor's checks on that request, by `diagnoseBlockedCall`'s safety rule), and the fix in this
 * project. Mount it after the host's own Host check (DNS rebinding), as the engine is.
 */
export function createReportHandler(options: ReportHandlerOptions): ReportHandler {
  const seen = new Set<string>()
  const inFlight = new Set<Promise<void>>()
  const closing = new AbortController()

  const print = async (call: BlockedCall): Promise<void> => {
    const diagnosis = await diagnoseBlockedCall(call, {
      routes: options.routes(),
      diagnose: options.diagnose,
      configFile: options.configFile?.(),
      timeoutMs: options.timeoutMs,
      signal: closing.signal,
    })
    if (closing.signal.aborted) return
    const text = formatBlockedCall(call, diagnosis)
    options.logger.warn(text)
    options.onReport?.(call, diagnosis, text)
  }

  const handler = async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url)
    if (url.pathname !== REPORT_PATH) return undefined
    const refusal = refuse(request, url.origin)
    if (refusal !== undefined) return refusal
    const text = await readLimitedText(request, MAX_REPORT_BYTES)
    if (text === undefined) return answer(413, `the report is larger than ${MAX_REPORT_BYTES} bytes`)
    const parsed = parseBlockedCall(text, url.origin)
    if (parsed.problem !== undefined) return answer(400, parsed.problem)
    const key = toBlockedCallKey(parsed.call)
    if (seen.has(key) || seen.size >= MAX_SHAPES || closing.signal.aborted) return answer(204)
    seen.add(key)
    const work = print(parsed.call)
      .catch((error: unknown) => options.logger.error(error))
      .finally(() => inFlight.delete(work))
    inFlight.add(work)
    return answer(204)
  }

  return Object.assign(handler, {
    close: async (): Promise<void> => {
      closing.abort()
      await Promise.all(inFlight)
    },
  })
}
