import { sendJson } from './http.mjs'

/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/** Milliseconds between two events. */
export const EVENT_INTERVAL = 200

/**
 * `GET /api/events?count=N`: server-sent events, one every {@link EVENT_INTERVAL} ms, then the end of
 * the stream. Headers go out at once, so a proxy that buffers shows up as events arriving together.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {URL} url
 * @returns {void}
 */
export function events(req, res, url) {
  const raw = url.searchParams.get('count')
  const count = raw === null ? 5 : Number(raw)
  if (!Number.isInteger(count) || count < 0 || count > 1000) {
    return sendJson(res, 400, { error: 'count must be an integer from 0 to 1000' })
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
  res.flushHeaders()
  if (count === 0) return void res.end()
  let sent = 0
  const timer = setInterval(() => {
    sent += 1
    res.write(`id: ${sent}\nevent: tick\ndata: ${JSON.stringify({ n: sent, of: count })}\n\n`)
    if (sent === count) {
      clearInterval(timer)
      res.end()
    }
  }, EVENT_INTERVAL)
  // The client went away (or the server is closing): stop writing to a dead stream.
  res.on('close', () => clearInterval(timer))
}
