// A backend on 127.0.0.1 whose every path answers CORS one way (right or wrong), for the doctor's
// tests through `@sameorigin/core/doctor`. Every request is recorded as received.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { listen } from '@sameorigin/test-utils'

type Headers = [string, string][]

/** What one path answers: the status and headers, computed from the request's Origin. */
type Answer = (origin: string, self: string) => { readonly status?: number; readonly headers: Headers }

const allow = (origin: string): Headers => [
  ['Access-Control-Allow-Origin', origin],
  ['Vary', 'Origin'],
]

/** The paths, each named after what it gets right or wrong. */
const PATHS: Readonly<Record<string, Answer>> = {
  '/v1/open': (origin) => ({ headers: allow(origin) }),
  '/v1/me': () => ({ headers: [] }),
  '/v1/two-acao': (origin) => ({ headers: [...allow(origin), ['Access-Control-Allow-Origin', origin]] }),
  '/v1/no-vary': (origin) => ({ headers: [['Access-Control-Allow-Origin', origin]] }),
  '/v1/hidden': (origin) => ({ headers: [...allow(origin), ['X-Total-Count', '3']] }),
  // Answers the preflight for GET only: a PUT is refused there.
  '/v1/get-only': (origin) => ({
    headers: [...allow(origin), ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Max-Age', '600']],
  }),
  '/v1/moved': (origin, self) => ({
    status: 302,
    headers: [...allow(origin), ['Location', `${self.replace('127.0.0.1', 'localhost')}/v1/open`]],
  }),
}

/** A started backend: its URL, what it received, and `close`. */
export interface Backend {
  readonly url: string
  readonly requests: {
    readonly method: string
    readonly url: string
    readonly headers: IncomingHttpHeaders
  }[]
  close(): Promise<void>
}

/** Starts the backend on 127.0.0.1, port 0; the caller closes it. */
export async function startBackend(): Promise<Backend> {
  const requests: Backend['requests'] = []
  let self = ''
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    const answer = PATHS[new URL(req.url ?? '/', 'http://x').pathname]
    if (answer === undefined) {
      res.writeHead(404).end()
      return
    }
    const { status, headers } = answer(req.headers.origin ?? '', self)
    res.writeHead(req.method === 'OPTIONS' ? 204 : (status ?? 200), headers.flat()).end('{}')
  })
  const listening = await listen(server)
  self = listening.url
  return { url: listening.url, requests, close: listening.close }
}
