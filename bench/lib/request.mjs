// One HTTP request with node:http, its body decoded as a browser would (gzip, deflate, br).
// Used by the correctness check and the latency probes; the load itself comes from autocannon.

import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/**
 * @typedef {object} Response
 * @property {number} status
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {Buffer} body decoded
 */

/**
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: Buffer, agent?: import('node:http').Agent | false, timeoutMs?: number, ca?: string }} [options]
 * @returns {Promise<Response>}
 */
export function request(url, options = {}) {
  const { method = 'GET', headers = {}, body, agent, timeoutMs = 30_000, ca } = options
  const send = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers, agent, ca, timeout: timeoutMs }, (res) => {
      const chunks = []
      const decoded = decode(res)
      decoded.on('data', (chunk) => chunks.push(chunk))
      decoded.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      decoded.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * The response body as a browser's fetch reads it: decompressed by its `Content-Encoding`.
 * @param {import('node:http').IncomingMessage} res
 * @returns {import('node:stream').Readable}
 */
export function decode(res) {
  const encoding = res.headers['content-encoding']
  if (encoding === undefined || encoding === 'identity') return res
  const decoder = { gzip: createGunzip, deflate: createInflate, br: createBrotliDecompress }[encoding]
  if (decoder === undefined) throw new Error(`unsupported Content-Encoding: ${encoding}`)
  const stream = decoder()
  res.pipe(stream)
  return stream
}
