// Streams and failures through the exported Caddyfile on the real Caddy: event streams unbuffered,
// a large upload streamed, the route's timeout (504) and a backend that is down (502), each answered
// with the engine's JSON error.
import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { Gate, Upstream } from '@sameorigin/test-utils'
import {
  caddyMissing,
  createGate,
  findClosedLoopbackPort,
  request,
  startUpstream,
} from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedCaddy } from './_caddy.ts'
import { startExportedCaddy } from './_caddy.ts'

const missing = caddyMissing()
const UPLOAD = 64 * 1024 * 1024

/** The first chunk of an answer's body, as text. */
function firstChunk(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    res.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))
    res.once('error', reject)
  })
}

describe.skipIf(missing !== undefined)(
  `streams and failures through Caddy${missing === undefined ? '' : ` (${missing})`}`,
  () => {
    let upstream: Upstream
    let caddy: ExportedCaddy
    let gate: Gate
    let received = 0

    beforeAll(async () => {
      gate = createGate()
      upstream = await startUpstream({
        handle: (req, res) => {
          if (req.url === '/events') {
            res.writeHead(200, { 'content-type': 'text/event-stream' })
            res.write('data: first\n\n')
            void gate.opened.then(() => res.end('data: second\n\n'))
          } else if (req.url === '/upload') {
            req.on('data', (chunk: Buffer) => (received += chunk.length))
            req.on('end', () => res.end(String(received)))
          }
          // Anything else: never answered (the timeout's case).
        },
      })
      const closed = await findClosedLoopbackPort()
      caddy = await startExportedCaddy({
        routes: {
          '/slow': { target: upstream.url, timeout: 300 },
          '/down': `http://127.0.0.1:${closed}`,
          '/': upstream.url,
        },
      })
    })
    afterAll(async () => {
      gate?.open()
      await caddy?.close()
      await upstream?.close()
    })

    it('delivers the first event before the upstream ends the stream', async () => {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = httpRequest(`${caddy.url}/events`, { headers: { accept: 'text/event-stream' } }, resolve)
        req.once('error', reject)
        req.end()
      })
      expect(res.headers['content-type']).toBe('text/event-stream')
      expect(await firstChunk(res)).toBe('data: first\n\n')
      gate.open()
      expect(await firstChunk(res)).toBe('data: second\n\n')
    })

    it('streams a 64 MiB upload to the upstream', async () => {
      const answer = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(`${caddy.url}/upload`, { method: 'POST' }, (res) => {
          let body = ''
          res.on('data', (chunk: Buffer) => (body += chunk.toString()))
          res.on('end', () => resolve(body))
        })
        req.once('error', reject)
        const chunk = Buffer.alloc(1024 * 1024, 'x')
        for (let i = 0; i < UPLOAD / chunk.length; i++) req.write(chunk)
        req.end()
      })
      expect(Number(answer)).toBe(UPLOAD)
    })

    it("answers 504 with ERR_UPSTREAM_TIMEOUT when the upstream stays silent past the route's timeout", async () => {
      const res = await request(`${caddy.url}/slow/x`)
      expect(res.status).toBe(504)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      expect(JSON.parse(res.body)).toMatchObject({
        error: { code: 'ERR_UPSTREAM_TIMEOUT', route: '/slow', target: `${upstream.url}/` },
      })
    })

    it('answers 502 with ERR_UPSTREAM_UNREACHABLE, naming the route and target, when the upstream is down', async () => {
      const res = await request(`${caddy.url}/down/x`)
      expect(res.status).toBe(502)
      const { error } = JSON.parse(res.body) as { error: Record<string, unknown> }
      expect(error).toMatchObject({ code: 'ERR_UPSTREAM_UNREACHABLE', route: '/down' })
      expect(error.message).toBe('The backend refused the connection or could not be reached.')
    })
  },
)
