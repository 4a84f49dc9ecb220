// The shapes `sameorigin cors-policy` works with: the requests the app made (read from recordings),
// what its source reads, and the policy inferred from them with the reason for every part. Plain
// data, so `--json` prints these objects as they are.
import type { toHar } from '@sameorigin/core'

/** A HAR 1.2 log (the `har-format` types the core's inspector export is written with). */
export type Har = ReturnType<typeof toHar>

/** One entry of a HAR log. */
export type HarEntry = Har['log']['entries'][number]

/** A header as it travelled: the name as written and the value. */
export type HeaderPair = readonly [name: string, value: string]

/** One request the app made, as the policy needs it. */
export interface ObservedRequest {
  /** The method after fetch's normalisation (`put` → `PUT`). */
  readonly method: string
  /** The URL as recorded (the dev server's, for the inspector's export). */
  readonly url: string
  /** The headers the page's code set: the browser's own and the forbidden ones left out. */
  readonly headers: readonly HeaderPair[]
  /** What in the recording shows the request carried credentials (`Cookie header`), or `undefined`. */
  readonly credentials: string | undefined
  /** The origin of the page that made it, when the recording shows it. */
  readonly pageOrigin: string | undefined
  /** Headers the recording shows that the page's code did not set (lower-cased), each with why. */
  readonly browserHeaders: readonly { readonly name: string; readonly why: string }[]
  /** The response's headers as the browser received them (CORS headers of a recording left out). */
  readonly responseHeaders: readonly HeaderPair[]
  /** The recording it came from (a file name). */
  readonly source: string
}

/** A recorded entry that is not one of the app's API calls, and why. */
export interface SkippedEntry {
  readonly method: string
  readonly url: string
  readonly why: string
}

/** What the app's source shows (`--src`), each finding with the file it was seen in. */
export interface SourceEvidence {
  /** Response header names the code reads (`response.headers.get('x-total-count')`), lower-cased → file. */
  readonly readsHeaders: ReadonlyMap<string, string>
  /** Files that ask for credentials (`credentials: 'include'`, `withCredentials: true`). */
  readonly credentials: readonly string[]
}

/** The parts of a policy, in the order they are printed. */
export type PolicyPart = 'origins' | 'methods' | 'headers' | 'credentials' | 'expose' | 'max-age' | 'vary'

/** One decision and why it was made, as printed. */
export interface PolicyReason {
  readonly part: PolicyPart
  /** What was decided (`PUT`, `x-csrf-token`, `credentials: true`). */
  readonly value: string
  readonly why: string
}

/** Which origins may call the backend. */
export interface AllowedOrigins {
  /** Exact origins (`https://app.example.com`), serialized as browsers send them. */
  readonly exact: readonly string[]
  /** Any `http://localhost`, `127.0.0.1` or `[::1]` origin on any port: the dev servers' pages. */
  readonly loopback: boolean
}

/**
 * The least-privilege CORS policy of a backend: exactly what the recorded app needs. Every renderer
 * takes this and nothing else.
 */
export interface CorsPolicy {
  /** The mode the origins were chosen for (`production`, `development`). */
  readonly mode: string
  readonly origins: AllowedOrigins
  /** `Access-Control-Allow-Methods`, upper-cased as sent, sorted. */
  readonly methods: readonly string[]
  /** `Access-Control-Allow-Headers`, lower-cased, sorted. */
  readonly allowHeaders: readonly string[]
  /** `Access-Control-Allow-Credentials: true`. */
  readonly credentials: boolean
  /** `Access-Control-Expose-Headers`, spelled as the backend sends them, sorted. */
  readonly exposeHeaders: readonly string[]
  /** `Access-Control-Max-Age`, in seconds. */
  readonly maxAge: number
  /** Every decision, with its reason. */
  readonly reasons: readonly PolicyReason[]
}

/** The servers and frameworks the policy is written for. */
export type PolicyFormat = 'express' | 'fastify' | 'hono' | 'koa' | 'nginx' | 'caddy'

/** What a renderer is given besides the policy. */
export interface RenderContext {
  /** The command that regenerates the output, for the header comment. */
  readonly command: string
}

/** A file a renderer writes: its default name (`cors-policy.js`) and its text. */
export interface RenderedFile {
  readonly name: string
  readonly content: string
}
