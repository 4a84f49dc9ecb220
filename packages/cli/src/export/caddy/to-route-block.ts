import type { ResolvedRoute } from '@sameorigin/core'
import { caddyLiteral } from './caddy-literal.ts'
import { caddyToken } from './caddy-token.ts'
import { indent } from './indent.ts'
import { toCookieRewrites } from './to-cookie-rewrites.ts'
import { toHeaderConditions } from './to-header-conditions.ts'
import { toLocationRewrites } from './to-location-rewrites.ts'
import type { CaddyPathPlan } from './to-path-plan.ts'
import { toRequestHeaders } from './to-request-headers.ts'
import { toTransportBlock } from './to-transport-block.ts'
import { toUpstreamAddress } from './to-upstream-address.ts'

/** What {@link toRouteBlock} needs besides the route. */
export interface RouteBlockInput {
  readonly route: ResolvedRoute
  readonly plan: CaddyPathPlan
  readonly origin: URL
  /** The CA file written for the route's `ca`, relative to where Caddy runs. */
  readonly caFile: string | undefined
}

/** The named matcher: the path, then the route's methods and header conditions. */
function toMatcher(name: string, route: ResolvedRoute, plan: CaddyPathPlan): string[] {
  const conditions = [`path_regexp ${name} ${caddyToken(plan.match)}`]
  if (route.methods !== undefined) conditions.push(`method ${[...route.methods].join(' ')}`)
  conditions.push(...toHeaderConditions(route).lines)
  return [`@${name} {`, ...indent(conditions), '}']
}

/**
 * One route as a named matcher and a `handle` block (Caddy runs the first `handle` whose matcher
 * matches, in file order: the config's first-match-wins). Inside: the route's name and target for the
 * error answers, the path mapping, and `reverse_proxy` with the header rewrites and the timeouts.
 * No `flush_interval`: Caddy already flushes event streams and answers of unknown length at once, and
 * `-1` would keep the upstream request running after the client left (Caddy ignores the disconnect).
 */
export function toRouteBlock({ route, plan, origin, caFile }: RouteBlockInput): string[] {
  const name = `route${route.index}`
  const proxy = [
    ...toRequestHeaders(route, origin),
    ...(route.cookies ? toCookieRewrites(plan, origin.protocol === 'https:') : []),
    ...(route.redirects ? toLocationRewrites(route, plan) : []),
    ...Object.entries(route.responseHeaders).map(([field, value]) =>
      value === null ? `header_down -${field}` : `header_down ${field} ${caddyToken(caddyLiteral(value))}`,
    ),
    ...toTransportBlock(route, caFile),
  ]
  const body = [
    `vars sameorigin_route ${caddyToken(JSON.stringify(route.id).slice(1, -1))}`,
    `vars sameorigin_target ${caddyToken(JSON.stringify(route.target.href).slice(1, -1))}`,
    ...(route.ws
      ? []
      : [
          '# ws: false: websocket handshakes are not forwarded.',
          `@${name}_ws header Upgrade *`,
          `respond @${name}_ws 404`,
        ]),
    ...(plan.uri.length === 0 ? [] : ['route {', ...indent(plan.uri), '}']),
    `reverse_proxy ${toUpstreamAddress(route.target)} {`,
    ...indent(proxy),
    '}',
  ]
  const title = `# ${route.id} → ${route.target.href}`
  return [title, ...toMatcher(name, route, plan), `handle @${name} {`, ...indent(body), '}']
}
