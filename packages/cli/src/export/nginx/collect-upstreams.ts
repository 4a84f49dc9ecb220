import type { ResolvedRoute, ResolvedTarget } from '@sameorigin/core/rules'

/** One `upstream {}` block: a target origin the routes forward to. */
export interface NginxUpstream {
  /** `sameorigin_1`, `sameorigin_2`... in the order the routes name them. */
  readonly name: string
  readonly target: ResolvedTarget
}

/**
 * One upstream per target origin (scheme, host, port), keyed by origin. `proxy_pass` to a named
 * upstream needs no `resolver` (the host is resolved when nginx starts) and keeps connections open
 * (`keepalive`).
 */
export function collectUpstreams(routes: readonly ResolvedRoute[]): ReadonlyMap<string, NginxUpstream> {
  const upstreams = new Map<string, NginxUpstream>()
  for (const route of routes) {
    if (upstreams.has(route.target.origin)) continue
    upstreams.set(route.target.origin, { name: `sameorigin_${upstreams.size + 1}`, target: route.target })
  }
  return upstreams
}
