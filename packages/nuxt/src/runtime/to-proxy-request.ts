import { Readable } from 'node:stream'
import type { H3Event } from 'h3'
import { getRequestWebStream } from 'h3'
import type { ClientRecord } from './client-header.ts'
import { CLIENT_HEADER, NITRO_FORWARDED, NUXT_DEV_HEADERS, parseClientRecord } from './client-header.ts'

/** The request for the routes, and who sent it. */
export interface ProxyRequest {
  readonly request: Request
  readonly clientAddress: string | undefined
}

/**
 * A body read only once something reads it: a request no route takes keeps its body for Nitro's own
 * handlers. Node's stream (with backpressure) for a request from a socket; h3's reading for one whose
 * body is already held (Nitro's in-process `fetch` during SSR, a body another middleware has read).
 */
function toLazyBody(event: H3Event): ReadableStream<Uint8Array> {
  const { req } = event.node
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  const open = (): ReadableStreamDefaultReader<Uint8Array> => {
    const held = '__unenv__' in req || 'body' in req || 'rawBody' in req
    const stream = held ? getRequestWebStream(event) : (Readable.toWeb(req) as ReadableStream<Uint8Array>)
    return (
      stream ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() })
    ).getReader()
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= open()
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      },
      cancel: (reason) => reader?.cancel(reason),
    },
    { highWaterMark: 0 },
  )
}

function toHeaders(event: H3Event, client: ClientRecord | undefined): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(event.node.req.headers)) {
    if (value === undefined || name === CLIENT_HEADER) continue
    if (client !== undefined && NUXT_DEV_HEADERS.includes(name)) continue
    // Nitro's dev server adds these on its way to the worker when the client sent none.
    if (client !== undefined && NITRO_FORWARDED.includes(name) && !client.forwarded.includes(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return headers
}

/** `scheme://authority` at the start of an absolute-form request target (`GET http://host/x HTTP/1.1`). */
const ABSOLUTE_FORM = /^[a-z][\d+.a-z-]*:\/\/[^/?#]*/i

/**
 * Methods the Fetch standard forbids in a `Request` (`new Request` throws): the routes refuse them
 * with 405, so the request is made with a stand-in and carries the method as received.
 */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK'])

/** The origin-form target of a request target: an absolute-form one loses its `scheme://authority`. */
function toOriginForm(target: string): string {
  const path = target.replace(ABSOLUTE_FORM, '')
  return path.startsWith('/') ? path : `/${path}`
}

/**
 * The Web `Request` of an H3 event, as the client sent it: its target as received (before any
 * `baseURL`; dot segments and a Host `new URL` refuses are the routes' to judge, so `url` is the raw
 * string, not what the WHATWG parser would make of it), its method (`TRACE` too), its headers, and
 * its body, read lazily. In `nuxt dev` (`trustClient`) the dev server's record of the client gives
 * the address and the protocol, and takes out the forwarding headers Nitro and Nuxt's CLI added; else
 * (a built app) both are the connection's. The request is aborted when the client
 * goes away before the answer is complete.
 */
export function toProxyRequest(event: H3Event, trustClient: boolean): ProxyRequest {
  const { req, res } = event.node
  const client = trustClient ? parseClientRecord(req.headers[CLIENT_HEADER]) : undefined
  const tls = client?.tls ?? (req.socket as { encrypted?: boolean } | null)?.encrypted === true
  const controller = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const method = (req.method ?? 'GET').toUpperCase()
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const forbidden = FORBIDDEN_METHODS.has(method)
  const request = new Request('http://localhost/', {
    method: forbidden ? (hasBody ? 'POST' : 'GET') : method,
    headers: toHeaders(event, client),
    signal: controller.signal,
    ...(hasBody ? { body: toLazyBody(event), duplex: 'half' } : {}),
  } as RequestInit)
  const target = toOriginForm(client?.target ?? req.originalUrl ?? req.url ?? '/')
  const url = `${tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${target}`
  Object.defineProperty(request, 'url', { value: url, enumerable: true })
  if (forbidden) Object.defineProperty(request, 'method', { value: method, enumerable: true })
  return {
    request,
    clientAddress: client?.address ?? (client === undefined ? req.socket?.remoteAddress : undefined),
  }
}
