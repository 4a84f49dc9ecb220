import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
import { handleRequest } from './handle-request.mjs'
import { sendJson } from './http.mjs'

/** @import { AddressInfo } from 'node:net' */
/** @import { Backend, BackendOptions } from './types.d.mts' */
/** @import { BackendContext } from './handle-request.mjs' */

/** The path of the websocket echo. */
const WS_PATH = '/api/ws'

/**
 * Starts the demo backend: domain-scoped `Secure` cookies, absolute redirects, server-sent events, a
 * websocket echo at `/api/ws`, an Origin check on unsafe methods, and no CORS headers at all.
 * @param {BackendOptions} [options]
 * @returns {Promise<Backend>}
 * @example const backend = await startBackend({ port: 4020 }) // backend.url === 'http://127.0.0.1:4020'
 */
export async function startBackend({ port = 0, host = '127.0.0.1', log, cookiePath = '/api' } = {}) {
  /** @type {BackendContext} */
  const ctx = { origin: '', sessions: new Map(), cookiePath }
  const wss = new WebSocketServer({ noServer: true })
  const server = createServer((req, res) => {
    if (log) res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode}`))
    handleRequest(req, res, ctx).catch((/** @type {unknown} */ error) => {
      log?.(`${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  })

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy())
    if ((req.url ?? '').split('?')[0] !== WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      log?.(`WS ${req.url} open`)
      // Text comes back as text and binary as binary, so a proxy that mangles frames is caught.
      ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }))
      ws.on('error', () => ws.terminate())
    })
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const actualPort = /** @type {AddressInfo} */ (server.address()).port
  ctx.origin = `http://${urlHost(host)}:${actualPort}`

  /** @type {Promise<void> | undefined} */
  let closing
  return {
    url: ctx.origin,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve, reject) => {
        // Upgraded sockets are no longer the HTTP server's, so they are ended here.
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close((error) => (error ? reject(error) : resolve()))
        // Open event streams and idle keep-alive connections would otherwise hold close() open.
        server.closeAllConnections()
      })
      return closing
    },
  }
}

/**
 * The host as written in a URL: a wildcard address becomes loopback (what a browser on this machine
 * can open), and an IPv6 address gets brackets.
 * @param {string} host
 * @returns {string}
 */
function urlHost(host) {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
