import type { ProxyError } from '../errors/proxy-error.ts'
import type { LevelLogger } from '../logging/logger.ts'
import type { CorsPolicy } from '../rewrite/cors.ts'
import type { RequestBody } from '../rewrite/parse-request-body.ts'
import type { DevOrigin, HeaderRecord, ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type {
  HeadersFunction,
  HeadersRequest,
  Match,
  ResolvedConfig,
  ResolvedInspector,
  ResolvedRoute,
} from '../types.ts'

/**
 * A request as every transport hands it to the pipeline: plain data, no socket. The Node transport
 * reads it off an `IncomingMessage` (lazily: most requests a dev server sees match no route), the
 * Fetch transport off a Web `Request`.
 */
export interface PipelineRequest {
  readonly method: string
  /** The request target: path and query (absolute-form is accepted and only selects a route). */
  readonly url: string
  /** Lower-case names. */
  readonly headers: ReadonlyHeaderRecord
  /** More than one `Host` field was sent. A transport that joins repeated fields leaves it `false`. */
  readonly repeatedHost: boolean
  /** The browser's connection to the dev server is TLS. */
  readonly encrypted: boolean
  /** The client's address, for `X-Forwarded-For`. */
  readonly clientAddress: string | undefined
  /** A body no header announces may follow (HTTP/2 DATA frames, a Web `Request` body). */
  readonly undeclaredBody: boolean
}

/** The request is not the proxy's (no route, CONNECT, the host's HMR socket): the host's, untouched. */
export interface PassPlan {
  readonly kind: 'pass'
}

/** The pipeline answered the request itself, with no body (a CORS preflight). */
export interface AnswerPlan {
  readonly kind: 'answer'
  readonly status: number
  readonly headers: HeaderRecord
}

/** The request is the inspector's (`/__sameorigin/…`, the host allowed): the inspector answers it. */
export interface InspectPlan {
  readonly kind: 'inspect'
  /**
   * The origin the browser used (`Host`, checked): the inspector's own. A request whose URL names
   * another (absolute-form with a foreign host) is refused, so no check of "the page's own origin"
   * can be steered by the request line.
   */
  readonly origin: string
}

/** The request is refused: answer `error` (see `toErrorAnswer`) and send nothing upstream. */
export interface RefusePlan {
  readonly kind: 'refuse'
  readonly error: ProxyError
  readonly match: Match | undefined
  /** In CORS mode, the allowed `Origin`: the error answer carries CORS headers too. */
  readonly corsOrigin: string | undefined
}

/** The request goes to `match.upstreamUrl` with exactly `headers`, its body framed as `body` says. */
export interface ForwardPlan {
  readonly kind: 'forward'
  readonly match: Match
  /** Where the browser is, for every reverse rewrite (cookies, redirects, `Origin`). */
  readonly dev: DevOrigin
  /** How the request's body is delimited, which `headers` announce. */
  readonly body: RequestBody
  /**
   * Exactly the headers the upstream receives; with `pendingHeaders`, once `resolvePlanHeaders` has
   * added the route function's values to them.
   */
  readonly headers: HeaderRecord
  /** In CORS mode, the allowed `Origin`: the answer gets CORS headers. */
  readonly corsOrigin: string | undefined
  /**
   * A route whose `headers` is a function: the call still to make before anything is sent upstream
   * (`resolvePlanHeaders`). `undefined` for every other route, whose plan is complete as it is.
   */
  readonly pendingHeaders: PendingHeaders | undefined
}

/** A route's headers function and the request it is called with (`ForwardPlan.pendingHeaders`). */
export interface PendingHeaders {
  readonly compute: HeadersFunction
  readonly request: HeadersRequest
}

/** What the pipeline decided for one request or upgrade. */
export type RequestPlan = PassPlan | AnswerPlan | InspectPlan | RefusePlan | ForwardPlan

/** What one proxy decides with, shared by every request; built once by `createPipeline`. */
export interface Pipeline {
  readonly config: ResolvedConfig
  readonly log: LevelLogger
  /** Host names answered for (frozen), or `true` for any. */
  readonly allowedHosts: readonly string[] | true
  /** CORS mode's policy, or `undefined`: same-origin only. */
  readonly cors: CorsPolicy | undefined
  /** Upgrade paths the host owns (its HMR socket): never captured. */
  readonly hmrPaths: ReadonlySet<string>
  /** The inspector's sizes when it is on (the `inspector` option, and not `false` in the config). */
  readonly inspector: Exclude<ResolvedInspector, false> | undefined
  /** An error code's explanation page, folded into the HTML error page, where one can be read. */
  readonly explain: ((code: string) => string | undefined) | undefined
  /** Routes whose `secure: false` warning was printed (once per route). */
  readonly warnedInsecure: Set<ResolvedRoute>
}
