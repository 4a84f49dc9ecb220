import type { ResolvedRoute } from '@sameorigin/core'

/** A route as `--json` prints it: plain values only (no functions, no RegExp objects). */
export interface RouteJson {
  readonly id: string
  readonly configPath: string
  readonly kind: ResolvedRoute['kind']
  /** The source as written; a RegExp as its `/source/flags` text. */
  readonly source: string
  readonly target: string
  readonly methods: readonly string[] | null
  /** The rewrite template, `'(function)'`, or `null`. */
  readonly rewrite: string | null
  readonly ws: boolean
  readonly changeOrigin: boolean
  readonly cookies: boolean
  readonly redirects: boolean
  readonly secure: boolean
  readonly timeout: number
  readonly connectTimeout: number
}

/** Turns a resolved route into {@link RouteJson}. */
export function routeToJson(route: ResolvedRoute): RouteJson {
  return {
    id: route.id,
    configPath: route.configPath,
    kind: route.kind,
    source: String(route.source),
    target: route.target.href,
    methods: route.methods === undefined ? null : [...route.methods],
    rewrite: route.rewriteTemplate ?? (route.rewriteIsFunction ? '(function)' : null),
    ws: route.ws,
    changeOrigin: route.changeOrigin,
    cookies: route.cookies,
    redirects: route.redirects,
    secure: route.secure,
    timeout: route.timeout,
    connectTimeout: route.connectTimeout,
  }
}
