import { matchRequest } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import { isForbiddenRequestHeader, normalizeMethod } from '@sameorigin/core/doctor'
import { BROWSER_HEADERS } from './browser-headers.ts'
import type { HarEntry, HeaderPair, ObservedRequest, SkippedEntry } from './types.ts'

/** A recording: its file name and its entries. */
export interface Recording {
  readonly source: string
  readonly entries: readonly HarEntry[]
}

/** What {@link toObservedRequests} found. */
export interface ObservedRequests {
  readonly requests: ObservedRequest[]
  readonly skipped: SkippedEntry[]
}

/** Chromium's HAR marks what made each request; only the page's code calls matter here. */
const CODE_RESOURCE_TYPES = new Set(['fetch', 'xhr'])

const pairs = (headers: readonly { name: string; value: string }[]): HeaderPair[] =>
  headers.filter((header) => !header.name.startsWith(':')).map((header) => [header.name, header.value])

const find = (headers: readonly HeaderPair[], name: string): string | undefined =>
  headers.find(([key]) => key.toLowerCase() === name)?.[1]

/** HAR 1.2 requires `cookies`; some tools leave it out, and then the headers tell. */
const hasCookies = (part: { cookies?: readonly unknown[] }): boolean =>
  Array.isArray(part.cookies) && part.cookies.length > 0

/** Why the entry is not one of the app's calls, or `undefined` when it is. */
function whySkipped(entry: HarEntry, config: ResolvedConfig | undefined): string | undefined {
  const headers = pairs(entry.request.headers)
  if (entry.request.method === 'OPTIONS' && find(headers, 'access-control-request-method') !== undefined)
    return 'a CORS preflight the browser sent (the request it announced is in the recording too)'
  // Chromium's own field (HAR allows custom fields with a leading underscore).
  const type: unknown = Reflect.get(entry, '_resourceType')
  if (typeof type === 'string' && !CODE_RESOURCE_TYPES.has(type))
    return `a ${type} load, not a fetch() or XMLHttpRequest of the page's code`
  if (config === undefined || config.routes.length === 0) return undefined
  let url: URL
  try {
    url = new URL(entry.request.url)
  } catch {
    return 'its URL is not absolute'
  }
  try {
    const match = matchRequest(config, {
      method: entry.request.method,
      url: url.pathname + url.search,
      headers: {},
    })
    return match === undefined ? 'no route of the config matches its path' : undefined
  } catch {
    return 'its path is one the dev server refuses'
  }
}

/** Why a recorded request header is not one the page's code set, or `undefined` when it is. */
function whyNotTheCode(name: string, value: string): string | undefined {
  if (isForbiddenRequestHeader(name, value))
    return 'the browser sets them; page code cannot (forbidden request headers)'
  return BROWSER_HEADERS.get(name.toLowerCase())
}

/** What shows the request carried credentials: a cookie sent or set, or the browser's HTTP auth. */
function credentialsEvidence(
  entry: HarEntry,
  sent: readonly HeaderPair[],
  received: readonly HeaderPair[],
): string | undefined {
  if (find(sent, 'cookie') !== undefined || hasCookies(entry.request)) return 'it sent a Cookie header'
  if (find(received, 'set-cookie') !== undefined || hasCookies(entry.response))
    return 'its response sets a cookie (Set-Cookie), which a browser keeps cross-origin only with credentials'
  const challenge = find(received, 'www-authenticate')
  if (entry.response.status === 401 && challenge !== undefined && /^\s*(basic|digest)\b/i.test(challenge))
    return `its response asks for the browser's HTTP authentication (WWW-Authenticate: ${challenge.split(' ')[0]})`
  return undefined
}

/** The page's origin: `Origin`, else `Referer`'s, else (the inspector's export) the dev server's own. */
function pageOrigin(entry: HarEntry, sent: readonly HeaderPair[]): string | undefined {
  const origin = find(sent, 'origin')
  if (origin !== undefined && origin !== 'null') return origin
  for (const candidate of [find(sent, 'referer'), '_sameorigin' in entry ? entry.request.url : undefined]) {
    if (candidate === undefined) continue
    try {
      return new URL(candidate).origin
    } catch {
      // Not a URL: look further.
    }
  }
  return undefined
}

/**
 * The app's calls in `recordings`, as the policy needs them: the headers the page's code set (the
 * browser's own, the forbidden ones and HTTP/2 pseudo-headers left out), the evidence of
 * credentials, the page's origin and the response's headers (a recording's own CORS headers left
 * out: they are what is being decided). Preflights, page loads and, when a config is given, calls
 * no route matches are skipped, each with its reason.
 */
export function toObservedRequests(
  recordings: readonly Recording[],
  config: ResolvedConfig | undefined,
): ObservedRequests {
  const requests: ObservedRequest[] = []
  const skipped: SkippedEntry[] = []
  for (const { source, entries } of recordings) {
    for (const entry of entries) {
      const why = whySkipped(entry, config)
      if (why !== undefined) {
        skipped.push({ method: entry.request.method, url: entry.request.url, why })
        continue
      }
      const sent = pairs(entry.request.headers)
      const received = pairs(entry.response.headers)
      requests.push({
        method: normalizeMethod(entry.request.method),
        url: entry.request.url,
        headers: sent.filter(([name, value]) => whyNotTheCode(name, value) === undefined),
        browserHeaders: sent.flatMap(([name, value]) => {
          const reason = whyNotTheCode(name, value)
          return reason === undefined ? [] : [{ name: name.toLowerCase(), why: reason }]
        }),
        credentials: credentialsEvidence(entry, sent, received),
        pageOrigin: pageOrigin(entry, sent),
        responseHeaders: received.filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
        source,
      })
    }
  }
  return { requests, skipped }
}
