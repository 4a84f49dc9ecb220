import { corsUnsafeRequestHeaderNames } from './needs-preflight.ts'
import type { RequestState } from './follow-redirect.ts'
import type { HeaderList } from './types.ts'

// The headers a browser puts on a CORS request and its preflight, besides the page's own. `Host` is
// listed for the report; node:http sets it from the URL.

/** A User-Agent that says what is asking, in the shape servers expect. */
const USER_AGENT = 'Mozilla/5.0 (compatible; sameorigin-doctor)'

/** `same-site` when scheme and host match (ports aside), else `cross-site`: what `Sec-Fetch-Site` says. */
function fetchSite(pageOrigin: string, url: string): string {
  const page = new URL(pageOrigin)
  const target = new URL(url)
  return page.protocol === target.protocol && page.hostname === target.hostname ? 'same-site' : 'cross-site'
}

/** Headers every request of a page's fetch carries besides the page's own. */
function browserHeaders(state: RequestState): [string, string][] {
  return [
    ['Origin', state.origin],
    ['User-Agent', USER_AGENT],
    ['Referer', `${state.pageOrigin}/`],
    ['Sec-Fetch-Mode', 'cors'],
    ['Sec-Fetch-Site', fetchSite(state.pageOrigin, state.url)],
    ['Sec-Fetch-Dest', 'empty'],
  ]
}

/** The preflight's headers: `Access-Control-Request-Headers` lower-cased, sorted and joined by `,`. */
export function toPreflightHeaders(state: RequestState): HeaderList {
  const names = corsUnsafeRequestHeaderNames(state.headers)
  return [
    ['Host', new URL(state.url).host],
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', state.method],
    ...(names.length > 0 ? ([['Access-Control-Request-Headers', names.join(',')]] as const) : []),
    ...browserHeaders(state),
  ]
}

/** The actual request's headers: the page's, a default Accept when the page set none, and the browser's. */
export function toRequestHeaders(state: RequestState): HeaderList {
  const hasAccept = state.headers.some(([name]) => name.toLowerCase() === 'accept')
  // Without a body, browsers still send Content-Length: 0 on POST and PUT; doctor sends no body at all.
  const bodyless = state.method === 'GET' || state.method === 'HEAD'
  return [
    ['Host', new URL(state.url).host],
    ...(hasAccept ? [] : ([['Accept', '*/*']] as const)),
    ...state.headers,
    ...browserHeaders(state),
    ...(bodyless ? [] : ([['Content-Length', '0']] as const)),
  ]
}
