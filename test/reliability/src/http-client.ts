import type { Agent, ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { request } from 'node:http'
import { performance } from 'node:perf_hooks'

/** How one exchange ended, as the browser would experience it. */
export type Ending =
  /** The response arrived whole: its length (or terminating chunk) was honoured. */
  | 'complete'
  /** The response started, then broke off: the browser knows the body is short. */
  | 'aborted'
  /** No response at all (the connection failed, or the bound ran out). */
  | 'failed'

/** What the client saw of one HTTP exchange. */
export interface HttpOutcome {
  readonly ending: Ending
  /** The final status, when a response head arrived. */
  readonly status: number | undefined
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  /** Trailer fields after a chunked body. */
  readonly trailers: Readonly<Record<string, string | undefined>>
  /** Interim (1xx) responses before the final one, in order. */
  readonly informational: readonly { readonly status: number; readonly headers: IncomingHttpHeaders }[]
  /** Whether the request went out on a kept-alive connection of `agent` (`req.reusedSocket`). */
  readonly reusedConnection: boolean
  /** The error that ended it, when one did. */
  readonly error: string | undefined
  /** From sending to the ending, for the results (never asserted). */
  readonly elapsedMs: number
}

/** Options for {@link send}. */
export interface SendOptions {
  readonly method?: string
  readonly headers?: Record<string, string | number>
  /** Sent whole; for `Expect: 100-continue`, only after the `100 Continue`. */
  readonly body?: string | Buffer
  /** Reuse connections through this agent. @default a new connection, closed after the answer */
  readonly agent?: Agent
  /** Called once, when the first body byte arrives. */
  readonly onFirstByte?: () => void
  /** Ends the wait with `failed` after this long: a hang becomes a readable result. @default 15 s */
  readonly boundMs?: number
}

/**
 * Sends one request with node:http and reports how it ended: a complete message, a response that
 * broke off (`res.complete` false, `aborted`), or no response. Never rejects.
 */
export function send(url: string, options: SendOptions = {}): Promise<HttpOutcome> {
  const started = performance.now()
  const chunks: Buffer[] = []
  const informational: { status: number; headers: IncomingHttpHeaders }[] = []
  let response: IncomingMessage | undefined
  let req: ClientRequest | undefined
  return new Promise((resolve) => {
    let done = false
    const finish = (ending: Ending, error?: unknown): void => {
      if (done) return
      done = true
      clearTimeout(bound)
      resolve({
        ending,
        status: response?.statusCode,
        headers: response?.headers ?? {},
        body: Buffer.concat(chunks),
        trailers: { ...response?.trailers },
        informational,
        reusedConnection: req?.reusedSocket ?? false,
        error: error === undefined ? undefined : describeError(error),
        elapsedMs: Math.round(performance.now() - started),
      })
    }
    const boundMs = options.boundMs ?? 15_000
    const bound = setTimeout(() => {
      finish('failed', new Error(`no outcome within ${boundMs} ms`))
      req?.destroy()
    }, boundMs)
    const expectsContinue = String(options.headers?.expect ?? '').toLowerCase() === '100-continue'
    req = request(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      agent: options.agent ?? false,
    })
    req.on('information', (info) => informational.push({ status: info.statusCode, headers: info.headers }))
    req.on('error', (error) => finish(response === undefined ? 'failed' : 'aborted', error))
    req.on('response', (res) => {
      response = res
      let first = true
      res.on('data', (chunk: Buffer) => {
        if (first) options.onFirstByte?.()
        first = false
        chunks.push(chunk)
      })
      res.on('end', () => finish(res.complete ? 'complete' : 'aborted'))
      res.on('error', (error) => finish('aborted', error))
      res.on('close', () => finish(res.complete ? 'complete' : 'aborted'))
    })
    if (expectsContinue) req.once('continue', () => req?.end(options.body))
    else req.end(options.body)
  })
}

/** `CODE message`, or the message alone. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? `${code} ${error.message}` : error.message
}
