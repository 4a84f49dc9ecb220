// The upstream every subject proxies to: one request handler served over plain HTTP and over TLS.
// It counts the connections it accepts (scenario 6) and notes when it writes each event stream's first
// event (scenario 4). It runs in the orchestrating process; subjects and load run in their own.

import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { performance } from 'node:perf_hooks'
import { listenOnLoopback } from './lib/listen-on-loopback.mjs'

/** The small JSON body of scenario 1 (about the size of a typical API answer). */
export const SMALL_BODY = Buffer.from(
  JSON.stringify({ id: 42, name: 'sameorigin', tags: ['bench', 'proxy'], ok: true, items: [1, 2, 3, 4, 5] }),
)
/** The 1 MiB body of scenario 2: deterministic, not compressible to nothing. */
export const LARGE_BODY = Buffer.alloc(1024 * 1024, 'sameorigin-bench-0123456789abcdef')
/** What each event stream sends first; `%ID%` is the request's `id` parameter. */
const FIRST_EVENT = 'event: hello\ndata: {"id":"%ID%","message":"first event"}\n\n'
/** Later events keep the stream alive, as a real event source would. */
const HEARTBEAT_MS = 100

/**
 * Starts the upstream on 127.0.0.1: plain HTTP, and TLS with the given certificate.
 * @param {{ key: string, cert: string }} tls
 */
export async function startTarget(tls) {
  const stats = { connections: 0 }
  /** id → performance.now() just after the first event was handed to the socket. */
  const firstEventWrittenAt = new Map()

  /** @type {import('node:http').RequestListener} */
  const handle = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream')
    switch (url.pathname) {
      case '/api/small':
        return send(res, 'application/json', SMALL_BODY)
      case '/api/large':
        return send(res, 'application/octet-stream', LARGE_BODY)
      case '/api/sse':
        return streamEvents(res, url.searchParams.get('id') ?? '0', firstEventWrittenAt)
      case '/api/upload':
        return receiveUpload(req, res, url.searchParams.has('hash'))
      case '/api/json':
        return sendJson(res, Number(url.searchParams.get('bytes') ?? 1024))
      default:
        res.writeHead(404, { 'content-length': 0 }).end()
    }
  }

  const http = createServer({ keepAliveTimeout: 30_000 }, handle)
  const https = createTlsServer({ ...tls, keepAliveTimeout: 30_000 }, handle)
  http.on('connection', () => stats.connections++)
  https.on('secureConnection', () => stats.connections++)
  const [httpServer, tlsServer] = await Promise.all([listenOnLoopback(http), listenOnLoopback(https)])
  return {
    url: httpServer.url,
    tlsPort: tlsServer.port,
    stats,
    firstEventWrittenAt,
    close: () => Promise.all([httpServer.close(), tlsServer.close()]),
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} type
 * @param {Buffer} body
 */
function send(res, type, body) {
  res.writeHead(200, { 'content-type': type, 'content-length': body.length })
  res.end(body)
}

/** Bodies of `/api/json` by size, made once. */
const jsonBodies = new Map()
let jsonAnswers = 0

/**
 * An API answer of about `bytes` bytes of JSON (scenario 8), with the head a production API sends:
 * caching, security and rate-limit headers, a request id, two cookies (15 fields).
 * @param {import('node:http').ServerResponse} res
 * @param {number} bytes
 */
function sendJson(res, bytes) {
  let body = jsonBodies.get(bytes)
  if (body === undefined) {
    const items = Array.from({ length: Math.max(1, Math.floor(bytes / 64)) }, (_, i) => ({
      id: i,
      name: `item ${i}`.padEnd(24, '.'),
      ok: i % 3 === 0,
    }))
    jsonBodies.set(bytes, (body = Buffer.from(JSON.stringify({ total: items.length, items }))))
  }
  const id = ++jsonAnswers
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'private, no-cache, must-revalidate',
    etag: `W/"${bytes.toString(16)}-${id.toString(16)}"`,
    vary: 'Accept-Encoding, Origin, Authorization',
    'x-request-id': `req-${id.toString(36).padStart(12, '0')}-upstream`,
    'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': String(1000 - (id % 1000)),
    'server-timing': `db;dur=${id % 17}, app;dur=${id % 29}`,
    'set-cookie': [
      `session=${id.toString(36).padStart(40, 'x')}; Path=/; Domain=api.example.com; Secure; HttpOnly; SameSite=None`,
      `csrf=${id.toString(16).padStart(32, '0')}; Path=/; Secure; SameSite=Strict`,
    ],
  })
  res.end(body)
}

/**
 * Headers first, the first event 20 ms later (so a proxy's header handling is not part of the figure),
 * then a heartbeat comment every 100 ms until the client leaves (at most 10 s).
 * @param {import('node:http').ServerResponse} res
 * @param {string} id
 * @param {Map<string, number>} firstEventWrittenAt
 */
function streamEvents(res, id, firstEventWrittenAt) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  res.flushHeaders()
  let heartbeat
  const first = setTimeout(() => {
    res.write(FIRST_EVENT.replace('%ID%', id))
    firstEventWrittenAt.set(id, performance.now())
    heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
  }, 20)
  const end = setTimeout(() => res.end(), 10_000)
  res.on('close', () => {
    clearTimeout(first)
    clearTimeout(end)
    clearInterval(heartbeat)
  })
}

/**
 * Reads the whole body and answers how many bytes arrived (and their SHA-256 with `?hash`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} withHash
 */
function receiveUpload(req, res, withHash) {
  let bytes = 0
  const hash = withHash ? createHash('sha256') : undefined
  req.on('data', (chunk) => {
    bytes += chunk.length
    hash?.update(chunk)
  })
  req.on('end', () => {
    send(res, 'application/json', Buffer.from(JSON.stringify({ bytes, sha256: hash?.digest('hex') ?? null })))
  })
}
