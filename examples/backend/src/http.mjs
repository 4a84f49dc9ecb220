/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/** Bodies above this size are refused (413): login forms are tiny, and the demo must not buffer uploads. */
export const BODY_LIMIT = 64 * 1024

/**
 * Sends `body` as JSON with `status`.
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {void}
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

/**
 * Reads a small request body into a string, or `undefined` when it is larger than {@link BODY_LIMIT}.
 * @param {IncomingMessage} req
 * @returns {Promise<string | undefined>}
 */
export function readSmallBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    // Past the limit the rest is still read and dropped (not destroyed), so the 413 can be sent.
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > BODY_LIMIT ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * Counts the bytes of a request body without keeping them, so any upload size passes in bounded memory.
 * @param {IncomingMessage} req
 * @returns {Promise<number>}
 */
export async function countBody(req) {
  let size = 0
  for await (const chunk of req) size += chunk.length
  return size
}

/**
 * Reads one cookie from the `Cookie` header.
 * @param {IncomingMessage} req
 * @param {string} name
 * @returns {string | undefined}
 */
export function readCookie(req, name) {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return undefined
}
