import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { ProxyServerOptions } from 'httpxy'
import { warnUnverifiedTls } from '../pipeline/warn-unverified-tls.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import type { HeaderRecord } from '../rewrite/types.ts'
import type { BaseContext } from './context.ts'
import { matchForwardProxy, toDisplayProxy } from './match-forward-proxy.ts'

/**
 * httpxy options for one request or upgrade. Every httpxy feature that our rewrite core replaces is
 * off: no `xfwd` (it appends to client-sent values), no `changeOrigin`, no cookie or redirect
 * rewriting, no `proxyTimeout` (it would cut a quiet event stream; our own clocks apply), no
 * redirect following. The target carries the exact upstream path the rules computed (`ignorePath`),
 * so httpxy never re-joins or re-parses it. `ssl` is the base object of the outgoing request options
 * (httpxy fills it in as the request's options, so it is new for every request): it carries the
 * per-route TLS trust.
 */
export function toHttpxyOptions(ctx: BaseContext, plan: ForwardPlan): ProxyServerOptions {
  const { engine } = ctx
  const { match } = plan
  const { route } = match
  const { target } = route
  const proxy = matchForwardProxy(target, engine.env)
  if (proxy !== undefined) ctx.forwardProxy = toDisplayProxy(proxy)
  const upgrade = ctx.kind === 'upgrade'
  // `protocol` lets agent-base (the proxy agents) file a pooled tunnel under the same name when it is
  // freed as when it is requested; without it, it guesses from the call stack and never reuses one.
  const ssl: Record<string, unknown> = { protocol: target.protocol }
  if (target.protocol === 'https:') {
    warnUnverifiedTls(ctx.pipeline, route)
    const trust = engine.trustFor(route)
    // `ca` keys the agent's socket pool (https.Agent#getName); `secureContext` is what TLS uses.
    if (trust !== undefined) Object.assign(ssl, { secureContext: trust.context, ca: trust.ca })
  }
  return {
    target: {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      pathname: match.upstreamPath + match.upstreamSearch,
    },
    ignorePath: true,
    xfwd: false,
    changeOrigin: false,
    proxyTimeout: 0,
    followRedirects: false,
    secure: route.secure,
    agent: engine.agents.for(target, proxy, upgrade),
    ssl,
    // A 'fallback' mock may answer in place of a failure status: the head is written by the mock
    // pass (`handleMockResponse`), once it knows which answer the browser gets.
    selfHandleResponse: route.mock !== undefined && route.mock.mode === 'fallback' && !upgrade,
  }
}

/**
 * Runs `start` (httpxy's `web` or `ws`) while `req.headers` are the computed upstream headers.
 * httpxy copies `req.headers` into the outgoing request synchronously and offers no way to remove a
 * header it copied (its `proxyReq` hook is skipped once `Expect` made Node flush the head early), so
 * the computed record stands in for `req.headers` during that synchronous call, then the caller's
 * headers are put back: everything after sees the request unchanged. `http.IncomingMessage` has a
 * `headers` setter, used as is (no per-request change of the object's shape on the hot path);
 * `Http2ServerRequest` has only a getter, so there an own property shadows it and is removed after.
 */
export function withUpstreamHeaders<T>(req: IncomingMessage, headers: HeaderRecord, start: () => T): T {
  if (hasHeadersSetter(req)) {
    const original = req.headers
    req.headers = headers as IncomingHttpHeaders
    try {
      return start()
    } finally {
      req.headers = original
    }
  }
  const own = Object.getOwnPropertyDescriptor(req, 'headers')
  Object.defineProperty(req, 'headers', {
    value: headers as IncomingHttpHeaders,
    configurable: true,
    writable: true,
  })
  try {
    return start()
  } finally {
    if (own === undefined) Reflect.deleteProperty(req, 'headers')
    else Object.defineProperty(req, 'headers', own)
  }
}

const setterByPrototype = new WeakMap<object, boolean>()

/** Whether `req`'s class defines a `headers` setter (cached per prototype). */
function hasHeadersSetter(req: IncomingMessage): boolean {
  const proto = Object.getPrototypeOf(req) as object | null
  if (proto === null || Object.hasOwn(req, 'headers')) return false
  let known = setterByPrototype.get(proto)
  if (known === undefined) {
    let descriptor: PropertyDescriptor | undefined
    for (let p: object | null = proto; p !== null && descriptor === undefined; p = Object.getPrototypeOf(p)) {
      descriptor = Object.getOwnPropertyDescriptor(p, 'headers')
    }
    known = typeof descriptor?.set === 'function'
    setterByPrototype.set(proto, known)
  }
  return known
}
