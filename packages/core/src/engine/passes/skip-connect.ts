import type { RequestContext } from '../context.ts'

/**
 * `CONNECT` asks for a raw tunnel to a host the client names: forwarding it would make the dev server
 * an open proxy. Node delivers CONNECT to the server's `connect` event, not to request handlers, so this
 * is defence in depth for hosts that route it to middleware anyway: it is left to the host, untouched.
 */
export function skipConnect(ctx: RequestContext): boolean {
  if (ctx.req.method !== 'CONNECT') return false
  ctx.next()
  return true
}
