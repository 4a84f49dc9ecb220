// The shapes `sameorigin doctor` works with: the request a page would make, what each HTTP exchange
// sent and received, and the verdict (reasons and fixes). Everything here is plain data, so the
// `--json` output is these objects as they are.

/** A header as it travelled: the name as written and the value, in order, duplicates kept. */
export type HeaderList = readonly (readonly [name: string, value: string])[]

/** `omit`: no cookies or HTTP auth (fetch's `credentials: 'omit'`); `include`: `credentials: 'include'`. */
export type CredentialsMode = 'omit' | 'include'

/** The request the page makes, as `fetch(url, { method, headers, credentials })` would see it. */
export interface FetchRequest {
  /** The serialized origin of the page (`http://localhost:5173`), as browsers send it in `Origin`. */
  readonly origin: string
  /** The absolute URL asked for. */
  readonly url: string
  /** The method after fetch's normalisation (`put` → `PUT`; `patch` stays `patch`). */
  readonly method: string
  /** Headers the page sets, forbidden ones already removed (the browser drops them). */
  readonly headers: HeaderList
  readonly credentials: CredentialsMode
}

/** How bad a finding is: see {@link Reason}. */
export type Severity = 'block' | 'warn'

/**
 * One finding. `block`: the browser fails the request (page JavaScript sees `TypeError: Failed to
 * fetch`). `warn`: the request goes through, but something is fragile or differs between browsers.
 */
export interface Reason {
  /** A short stable id, e.g. `acao-missing`, `headers-wildcard-authorization`. */
  readonly code: string
  readonly severity: Severity
  /** What is wrong, in plain words, naming the header and the values seen. */
  readonly message: string
  /** The section of the standard that decides it. */
  readonly standard: string
  /** Where Chromium, Firefox or Safari do something else than the standard. */
  readonly browsers?: string
}

/** A fix to print: a title and the exact lines to add (config code or header lines). */
export interface Fix {
  /**
   * `route`: mount sameorigin in the detected tool (no CORS at all); `serve`: the stand-alone proxy
   * when no tool was found; `headers`: what the server must send; `advice`: a change that is not a
   * header (avoid a redirect, serve the page from localhost).
   */
  readonly kind: 'route' | 'serve' | 'headers' | 'advice'
  readonly title: string
  readonly lines: readonly string[]
}

/** One HTTP request sent and the answer's head. */
export interface Exchange {
  readonly kind: 'preflight' | 'request'
  readonly method: string
  readonly url: string
  /** What was sent, `Origin` included (`null` after a cross-origin redirect). */
  readonly requestHeaders: HeaderList
  /** The answer's status code, exactly as received. */
  readonly status: number
  /** The answer's headers, as received: duplicates are separate entries. */
  readonly headers: HeaderList
  /** The IP address the request went to (for Local Network Access). */
  readonly remoteAddress: string | undefined
}

/** The first preflight: `sent: false` when one was needed but the browser stopped before sending it. */
export interface PreflightReport {
  readonly sent: boolean
  readonly url: string
  /** What the preflight carried (`Origin`, `Access-Control-Request-Method`, `-Headers`, ...). */
  readonly requestHeaders: HeaderList
  readonly status: number | null
  /** The answer's headers, as received (duplicates are separate entries). */
  readonly headers: HeaderList
}

/** The request, as the page makes it, and how it ended. */
export interface RequestReport extends FetchRequest {
  /** True when the URL has the page's origin: no CORS at all, nothing is sent. */
  readonly sameOrigin: boolean
  /** True when the actual request (not only a preflight) was sent at least once. */
  readonly sent: boolean
  /** The last URL asked (after redirects). */
  readonly finalUrl: string
  /** The final answer's status, `null` when none arrived (blocked before, or after the preflight). */
  readonly status: number | null
  /** The final answer's headers, as received. */
  readonly responseHeaders: HeaderList | null
  /** The response headers the page's script can read (lower-cased), when the request passed. */
  readonly readableHeaders: readonly string[] | null
  /** Every request sent, in order: preflights and redirect hops included. */
  readonly exchanges: readonly Exchange[]
}

/** What `runDoctor` learned, which the fixes are built from. */
export interface DoctorFacts {
  /** The page's request needs a preflight (at its first URL). */
  readonly preflightNeeded: boolean
  /** What the first preflight asks for in `Access-Control-Request-Headers`. */
  readonly unsafeHeaderNames: readonly string[]
  /** Response headers the page cannot read (see `checkExposeHeaders`). */
  readonly hiddenHeaders: readonly string[]
  /** Every redirect followed. */
  readonly redirects: readonly { readonly status: number; readonly from: string; readonly to: string }[]
}

/** The verdict without the fixes (they depend on the project, see `toFixes`). */
export interface DoctorRun {
  readonly allowed: boolean
  readonly preflight: PreflightReport | null
  readonly request: RequestReport
  readonly reasons: readonly Reason[]
  readonly facts: DoctorFacts
}
