/** What `serverFetch` takes besides the `RequestInit`: the page request being rendered. */
export interface ServerFetchInit extends RequestInit {
  /**
   * The request the server is answering (a load function's `event.request`, a loader's `request`):
   * a relative URL is resolved on its origin, the answer is rewritten for that origin, and its
   * `cookie` and `authorization` headers go along unless the call sets them or says
   * `credentials: 'omit'`.
   */
  readonly request?: Request | undefined
}

/** A `fetch` for server code that understands the dev server's own paths (`/api/me`). */
export type ServerFetch = (input: string | URL | Request, init?: ServerFetchInit) => Promise<Response>

/** What a {@link ServerFetch} runs on. */
export interface ServerFetchTarget {
  /** The routes' answer, or `undefined` when no route matches. */
  readonly handle: (request: Request) => Promise<Response | undefined>
  /** `false`: every URL goes to `fetch` as it is (a built app, where the page's origin serves the routes). */
  readonly active: () => boolean
  /** Where other origins go. @default globalThis.fetch */
  readonly fetch?: typeof fetch
}

/** The headers a page request lends a same-origin call, as SvelteKit's own `fetch` does. */
const CREDENTIALS = ['cookie', 'authorization'] as const

/** The call as a `Request` on `url`, with the page request's credentials unless told otherwise. */
function toRequest(
  url: URL,
  input: string | URL | Request,
  init: RequestInit,
  page: Request | undefined,
): Request {
  // A `Request` given is taken over with its body (`init` applied first), at the resolved URL.
  const request =
    input instanceof Request ? new Request(url, new Request(input, init)) : new Request(url, init)
  if (page === undefined || request.credentials === 'omit') return request
  for (const name of CREDENTIALS) {
    const value = page.headers.get(name)
    if (value !== null && !request.headers.has(name)) request.headers.set(name, value)
  }
  return request
}

/**
 * A `fetch` for server code (load functions, loaders, Server Components, SSR): server code has no
 * dev origin, so `fetch('/api/me')` fails there, and a call to the dev server's own URL would leave
 * the process only to come back. A relative URL, or one on the page request's origin, goes through
 * `target.handle` (the routes, exactly as a browser request would); any other URL goes to `fetch`.
 * @throws TypeError when a same-origin URL matches no route (the message names it and the fix), or
 * when what reads as a path (`//host/x`, `/\\host/x`) names another host.
 * @example
 * const me = await serverFetch('/api/me', { request }) // a loader's request: its cookies go along
 */
export function createServerFetch(target: ServerFetchTarget): ServerFetch {
  const send = target.fetch ?? globalThis.fetch
  return async function serverFetch(input, init = {}) {
    const { request: page, ...rest } = init
    const origin = page === undefined ? 'http://localhost' : new URL(page.url).origin
    const href = input instanceof Request ? input.url : String(input)
    const url = new URL(href, origin)
    if (url.origin !== origin) {
      // `//host/x` and `/\\host/x` read as paths but name another host: a path built from input.
      if (href.startsWith('/') || href.startsWith('\\'))
        throw new TypeError(
          `serverFetch: ${JSON.stringify(href)} names another host (${url.host}); write its absolute URL to call it`,
        )
      return send(input, rest)
    }
    const request = toRequest(url, input, rest, page)
    if (!target.active()) return send(request)
    const response = await target.handle(request)
    if (response !== undefined) return response
    // The fix names the path's own first segment, the route that would take it.
    const prefix = `/${url.pathname.split('/')[1] ?? ''}`
    throw new TypeError(
      `serverFetch: no sameorigin route matches ${request.method} ${url.pathname}. ` +
        `Add a route for it to sameorigin.config (e.g. routes: { '${prefix}': 'http://127.0.0.1:8080' }), ` +
        'or call the backend by its absolute URL.',
    )
  }
}
