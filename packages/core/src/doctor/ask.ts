import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import type { HeaderList } from './types.ts'

// Requests go out through node:http / node:https directly rather than Node's fetch: fetch (undici)
// merges repeated response headers into one value and hides the difference between two
// `Access-Control-Allow-Origin` headers and one header listing two origins, which browsers report
// differently. node:http also gives the raw status, never follows redirects on its own, lets every
// request header (Origin, Host) be set exactly as a browser sets it, and does no CORS processing.

/** One request to send, to an address already resolved (so the address checked is the one used). */
export interface AskOptions {
  readonly method: string
  readonly url: string
  readonly headers: HeaderList
  /** The IP address to connect to; the URL's host still goes into `Host` and TLS SNI. */
  readonly address: string
  readonly family: 4 | 6
  /** Give up after this long without a complete response head. */
  readonly timeoutMs: number
  readonly signal?: AbortSignal
}

/** The head of the answer, exactly as received. */
export interface Answer {
  readonly status: number
  readonly headers: HeaderList
  readonly remoteAddress: string | undefined
}

function toHeaderList(response: IncomingMessage): HeaderList {
  const list: [string, string][] = []
  for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
    list.push([response.rawHeaders[index] ?? '', response.rawHeaders[index + 1] ?? ''])
  }
  return list
}

/**
 * Sends one request and resolves with the status and headers of the answer; the body is not read
 * (CORS is decided on the head). Rejects with the socket error, or a timeout error, when no answer
 * head arrives.
 */
export function ask(options: AskOptions): Promise<Answer> {
  const url = new URL(options.url)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    // `all: true` (autoSelectFamily) expects a list; otherwise one address.
    if ((lookupOptions as { all?: boolean }).all === true) {
      ;(callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address: options.address, family: options.family },
      ])
    } else {
      callback(null, options.address, options.family)
    }
  }
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of options.headers) {
    const existing = headers[name]
    headers[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
  }
  // A keep-alive connection of its own, as a browser's: the server then answers as it answers
  // browsers (Keep-Alive header included), and nothing is shared with another hop.
  const agent =
    url.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true })
  return new Promise<Answer>((resolve, reject) => {
    const req = send(url, {
      method: options.method,
      headers,
      lookup,
      agent,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    })
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${options.timeoutMs} ms`))
    }, options.timeoutMs)
    req.once('response', (response) => {
      clearTimeout(timer)
      const answer: Answer = {
        status: response.statusCode ?? 0,
        headers: toHeaderList(response),
        remoteAddress: response.socket.remoteAddress,
      }
      // Only the head matters; an event stream would never end, so the body is dropped.
      response.destroy()
      agent.destroy()
      resolve(answer)
    })
    req.once('error', (error) => {
      clearTimeout(timer)
      agent.destroy()
      reject(error)
    })
    req.end()
  })
}
