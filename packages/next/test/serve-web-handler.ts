import { createServer } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Listening } from '@sameorigin/test-utils'
import { listen } from '@sameorigin/test-utils'

/**
 * Serves a Web `Request → Response` handler on 127.0.0.1 the way Next's Node runtime does for a route
 * handler: the request body streamed in (`duplex: 'half'`), the response body streamed out.
 */
export function serveWebHandler(handler: (request: Request) => Promise<Response>): Promise<Listening> {
  const server = createServer((req, res) => {
    const controller = new AbortController()
    res.once('close', () => controller.abort())
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        value === undefined
          ? []
          : (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one]),
      ),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
      signal: controller.signal,
      // Node's Request requires it for a streamed body.
      duplex: 'half',
    })
    void handler(request).then(async (response) => {
      res.statusCode = response.status
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie') res.setHeader(name, value)
      }
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) res.setHeader('set-cookie', cookies)
      if (response.body === null) res.end()
      else
        Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
          .on('error', () => res.destroy())
          .pipe(res)
    })
  })
  return listen(server)
}
