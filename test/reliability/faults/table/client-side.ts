import { request } from 'node:http'
import { expect } from 'vitest'
import { httpUpstream, rawUpstream } from '../../src/fault-upstream.ts'
import { describeError } from '../../src/http-client.ts'
import type { Trace } from '../../src/trace.ts'
import type { Fault } from '../fault.ts'
import { defineFault } from '../fault.ts'

const MIB = 1024 * 1024
/** An upload far larger than every socket buffer on the way, so it cannot finish unread. */
const UPLOAD = 32 * MIB
const CHUNK = Buffer.alloc(64 * 1024, 'u')

/** What the client of the unread-upload fault saw. */
interface EarlyAnswer {
  readonly status: number | undefined
  readonly body: string
  readonly complete: boolean
  /** Bytes of the upload written before the answer arrived. */
  readonly sent: number
  readonly error: string | undefined
}

/**
 * Uploads `UPLOAD` bytes (with backpressure, as a browser does) until the answer arrives, reads the
 * whole answer, then gives up on the rest of the upload, as a browser does once it has a final
 * response. Never rejects; bounded.
 */
function uploadUntilAnswered(url: string, trace: Trace, boundMs = 15_000): Promise<EarlyAnswer> {
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/octet-stream', 'content-length': UPLOAD },
    })
    let sent = 0
    let answered = false
    const finish = (answer: EarlyAnswer): void => {
      clearTimeout(bound)
      req.destroy()
      trace.note('client:gone')
      resolve(answer)
    }
    const bound = setTimeout(
      () =>
        finish({ status: undefined, body: '', complete: false, sent, error: `no answer in ${boundMs} ms` }),
      boundMs,
    )
    const pump = (): void => {
      while (sent < UPLOAD) {
        // The answer arrived (in a callback): stop, as a browser stops uploading.
        if (answered) return
        sent += CHUNK.length
        if (!req.write(CHUNK)) {
          req.once('drain', pump)
          return
        }
      }
      if (!answered) req.end()
    }
    req.on('error', (error) =>
      finish({ status: undefined, body: '', complete: false, sent, error: describeError(error) }),
    )
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () =>
        finish({ status: res.statusCode, body, complete: res.complete, sent, error: undefined }),
      )
      res.on('error', (error) =>
        finish({ status: res.statusCode, body, complete: false, sent, error: describeError(error) }),
      )
    })
    pump()
  })
}

/**
 * Starts an upload of `UPLOAD` bytes, and destroys it once the upstream has the first chunk (the
 * browser tab closed, the user cancelled). Resolves with the bytes written.
 */
async function abortUpload(url: string, trace: Trace): Promise<number> {
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/octet-stream', 'content-length': UPLOAD },
  })
  req.on('error', () => {})
  req.write(CHUNK)
  try {
    await trace.until('upstream:body-data')
  } finally {
    req.destroy()
  }
  return CHUNK.length
}

/** Starts a download and destroys it at its first byte. Resolves with the status of its head. */
function abortDownload(url: string, trace: Trace, boundMs = 15_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false })
    const bound = setTimeout(() => {
      req.destroy()
      resolve(undefined)
    }, boundMs)
    req.on('error', () => {})
    req.on('response', (res) => {
      res.once('data', () => {
        trace.note('client:first-byte')
        clearTimeout(bound)
        req.destroy()
        resolve(res.statusCode)
      })
    })
    req.end()
  })
}

/** The upstream or the browser stops taking part while a body is on its way. */
export const CLIENT_SIDE_FAULTS: readonly Fault[] = [
  defineFault({
    id: 'unread-upload',
    name: 'upstream never reads the request body (answers 413 at once)',
    expected: 'client gets the whole 413; the upstream connection is closed once the client leaves',
    upstream: rawUpstream((socket, _head, trace) => {
      socket.once('close', () => trace.note('upstream:closed'))
      socket.write('HTTP/1.1 413 Payload Too Large\r\ncontent-type: text/plain\r\ncontent-length: 9\r\n\r\n')
      socket.write('too large')
      // Never reads the body and never closes: the proxy has to let go of this connection itself.
      socket.pause()
      // A paused socket cannot notice that the proxy closed it; once the client is gone, read (and
      // drop) again, as the kernel would, so a close by the proxy shows. Nothing else ever closes it.
      trace.until('client:gone').then(
        () => socket.resume(),
        () => socket.destroy(),
      )
    }),
    client: uploadUntilAnswered,
    verify: async (answer, trace) => {
      expect(answer.error).toBeUndefined()
      expect(answer.status).toBe(413)
      expect(answer.complete).toBe(true)
      expect(answer.body).toBe('too large')
      await trace.until('upstream:closed')
      return {
        observed: `413 "too large" after ${(answer.sent / MIB).toFixed(2)} MiB of ${UPLOAD / MIB} MiB sent; upstream connection closed`,
        figures: { uploadSentMiB: Number((answer.sent / MIB).toFixed(2)) },
      }
    },
  }),
  defineFault({
    id: 'abort-upload',
    name: 'client aborts during the upload',
    expected: 'the upstream request is aborted before its body completes',
    upstream: httpUpstream((req, res, trace) => {
      trace.note('upstream:request')
      req.once('data', () => trace.note('upstream:body-data'))
      req.once('end', () => {
        trace.note('upstream:body-end')
        res.end('complete')
      })
      req.once('close', () => {
        if (!req.complete) trace.note('upstream:aborted')
      })
      req.resume()
    }),
    client: abortUpload,
    verify: async (sent, trace) => {
      await trace.until('upstream:aborted')
      expect(trace.has('upstream:body-end')).toBe(false)
      return {
        observed: `client left after ${sent / 1024} KiB of ${UPLOAD / MIB} MiB; upstream request aborted`,
      }
    },
  }),
  defineFault({
    id: 'abort-download',
    name: 'client aborts during the download',
    expected: 'the upstream response is aborted (closed before it finished)',
    upstream: httpUpstream((_req, res, trace) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      let sent = 0
      // Keeps sending until the proxy lets go (or 10 s, so a leak is bounded): a long download.
      const ticker = setInterval(() => {
        sent++
        if (sent < 200) res.write(Buffer.alloc(16 * 1024, 'd'))
        else {
          clearInterval(ticker)
          res.end()
        }
      }, 50)
      res.write(Buffer.alloc(16 * 1024, 'd'))
      res.once('close', () => {
        clearInterval(ticker)
        if (!res.writableFinished) trace.note('upstream:aborted')
      })
    }),
    client: abortDownload,
    verify: async (status, trace) => {
      expect(status).toBe(200)
      await trace.until('upstream:aborted')
      return { observed: '200 head, client left at the first byte; upstream response aborted' }
    },
  }),
]
