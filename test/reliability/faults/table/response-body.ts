import { expect } from 'vitest'
import type { HttpBehaviour } from '../../src/fault-upstream.ts'
import { httpUpstream, rawUpstream } from '../../src/fault-upstream.ts'
import type { HttpOutcome } from '../../src/http-client.ts'
import { send } from '../../src/http-client.ts'
import type { Trace } from '../../src/trace.ts'
import type { Fault, Observation } from '../fault.ts'
import { defineFault } from '../fault.ts'
import { ACCEPT_JSON, verifyErrorAnswer } from '../verify-error-answer.ts'

/** The route `timeout` of the faults about upstream silence: short, so a case takes seconds. */
export const IDLE_TIMEOUT = 1000
/** Chunks of the slow body: 20 × a tenth of the timeout = twice the timeout. */
const SLOW_CHUNKS = 20
/** The length a cut-short response announces. */
const ANNOUNCED = 64 * 1024
/** What it sends before breaking off: enough to reach the browser, far less than announced. */
const SENT = 1024

/** The client of the mid-body faults: a GET that tells the upstream when its first byte arrived. */
const readUntilCut = (url: string, trace: Trace): Promise<HttpOutcome> =>
  send(url, { onFirstByte: () => trace.note('client:first-byte') })

/**
 * Sends a 200 head and part of the body, waits until the browser has that part (so the head is
 * out and only destroying the connection can tell the browser the body is short), then resets.
 */
const resetAfterFirstByte =
  (headers: Record<string, string | number>): HttpBehaviour =>
  (_req, res, trace) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', ...headers })
    res.write(Buffer.alloc(SENT, 'a'))
    trace.until('client:first-byte').then(
      () => res.socket?.resetAndDestroy(),
      () => res.socket?.destroy(),
    )
  }

/** The response started and broke off: the client knows it is short (never a complete short message). */
function verifyAborted(outcome: HttpOutcome): Observation {
  expect(outcome.status).toBe(200)
  expect(outcome.ending, `body of ${outcome.body.length} bytes ended ${outcome.ending}`).toBe('aborted')
  expect(outcome.body.length).toBeLessThan(ANNOUNCED)
  return {
    observed: `200 head, ${outcome.body.length} bytes, then aborted (${outcome.error ?? 'closed'})`,
    figures: { bytesReceived: outcome.body.length },
  }
}

/** The upstream breaks off, goes silent, or takes its time, before or during its body. */
export const RESPONSE_FAULTS: readonly Fault[] = [
  defineFault({
    id: 'reset-mid-body',
    name: 'upstream reset mid-body (Content-Length)',
    expected: 'client sees an aborted response, never a complete short body',
    upstream: httpUpstream(resetAfterFirstByte({ 'content-length': ANNOUNCED })),
    client: readUntilCut,
    verify: verifyAborted,
  }),
  defineFault({
    id: 'reset-mid-chunked',
    name: 'upstream reset mid-body (chunked)',
    expected: 'client sees an aborted response (no terminating chunk)',
    upstream: httpUpstream(resetAfterFirstByte({})),
    client: readUntilCut,
    verify: verifyAborted,
  }),
  defineFault({
    id: 'short-body',
    name: 'Content-Length larger than the body (upstream ends the connection)',
    expected: 'client sees an aborted response, never a complete short body',
    upstream: rawUpstream((socket, _head, trace) => {
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: ${ANNOUNCED}\r\n\r\n`,
      )
      socket.write(Buffer.alloc(SENT, 'a'))
      // A clean FIN, not a reset: only the missing bytes say the body is short.
      trace.until('client:first-byte').then(
        () => socket.end(),
        () => socket.destroy(),
      )
    }),
    client: readUntilCut,
    verify: verifyAborted,
  }),
  defineFault({
    id: 'slow-head',
    name: 'slow headers (upstream never answers)',
    expected: `504 ERR_UPSTREAM_TIMEOUT after the route timeout (${IDLE_TIMEOUT} ms); upstream request aborted`,
    timeout: IDLE_TIMEOUT,
    upstream: httpUpstream((_req, res, trace) => {
      trace.note('upstream:request')
      res.once('close', () => {
        if (!res.writableFinished) trace.note('upstream:aborted')
      })
    }),
    client: (url) => send(url, { headers: ACCEPT_JSON }),
    verify: async (outcome, trace) => {
      const observation = verifyErrorAnswer(outcome, 504, 'ERR_UPSTREAM_TIMEOUT')
      await trace.until('upstream:aborted')
      return {
        observed: `${observation.observed} after ${outcome.elapsedMs} ms; upstream request aborted`,
        figures: { elapsedMs: outcome.elapsedMs, timeoutMs: IDLE_TIMEOUT },
      }
    },
  }),
  defineFault({
    id: 'slow-body',
    name: 'slow body that keeps sending (longer than the timeout in all)',
    expected: `200 with every chunk: a body that keeps sending is never cut by the ${IDLE_TIMEOUT} ms timeout`,
    timeout: IDLE_TIMEOUT,
    upstream: httpUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      let sent = 0
      // Chunks a tenth of the timeout apart, twice the timeout in all.
      const ticker = setInterval(() => {
        sent++
        if (sent < SLOW_CHUNKS) res.write(`chunk ${sent}\n`)
        else {
          clearInterval(ticker)
          res.end(`chunk ${sent}\n`)
        }
      }, IDLE_TIMEOUT / 10)
      res.once('close', () => clearInterval(ticker))
    }),
    client: (url) => send(url),
    verify: (outcome) => {
      expect(outcome.ending, outcome.error).toBe('complete')
      expect(outcome.status).toBe(200)
      const lines = outcome.body.toString('utf8').trim().split('\n')
      expect(lines).toHaveLength(SLOW_CHUNKS)
      expect(lines.at(-1)).toBe(`chunk ${SLOW_CHUNKS}`)
      return {
        observed: `200, ${lines.length} of ${SLOW_CHUNKS} chunks over ${outcome.elapsedMs} ms`,
        figures: { elapsedMs: outcome.elapsedMs, timeoutMs: IDLE_TIMEOUT, chunks: lines.length },
      }
    },
  }),
]
