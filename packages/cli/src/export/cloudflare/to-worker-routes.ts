import { DEFAULTS } from '@sameorigin/core'
import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core'
import type { LiteralValue } from './to-js-literal.ts'

/**
 * The routes as the Worker's config (`routes` in array form, one entry per route, declaration
 * order kept): every option the Fetch transport honours under workerd that differs from its default,
 * with the target as resolved in the export's mode. Left out, and declared as losses instead: function rewrites and header
 * functions (code, not data), mocks, `secure` and `ca` (the runtime's TLS decides).
 */
export function toWorkerRoutes(config: ResolvedConfig): LiteralValue[] {
  return config.routes.map((route) => toWorkerRoute(route))
}

function toWorkerRoute(route: ResolvedRoute): LiteralValue {
  return {
    // As declared: a `^...` string is a RegExp route in an entry too.
    path: route.source,
    target: route.target.href,
    rewrite: route.rewriteTemplate,
    methods: route.methods === undefined ? undefined : [...route.methods],
    matchHeaders: route.matchHeaders,
    headers: Object.keys(route.headers).length === 0 ? undefined : route.headers,
    responseHeaders: Object.keys(route.responseHeaders).length === 0 ? undefined : route.responseHeaders,
    ws: unlessDefault(route.ws, DEFAULTS.ws),
    timeout: unlessDefault(route.timeout, DEFAULTS.timeout),
    changeOrigin: unlessDefault(route.changeOrigin, DEFAULTS.changeOrigin),
    xfwd: unlessDefault(route.xfwd, DEFAULTS.xfwd),
    rewriteOrigin: unlessDefault(route.rewriteOrigin, DEFAULTS.rewriteOrigin),
    cookies: unlessDefault(route.cookies, DEFAULTS.cookies),
    redirects: unlessDefault(route.redirects, DEFAULTS.redirects),
  }
}

/** `value`, or `undefined` (left out) when it is the default: the file shows what the config changed. */
function unlessDefault<T extends number | boolean>(value: T, fallback: T): T | undefined {
  return value === fallback ? undefined : value
}
