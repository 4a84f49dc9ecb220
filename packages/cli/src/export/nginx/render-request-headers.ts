import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { NginxUpstream } from './collect-upstreams.ts'
import { quoteNginx } from './quote-nginx.ts'

/**
 * The `proxy_set_header` lines of a route, as the engine builds the upstream request: the target's
 * `Host` (changeOrigin), `X-Forwarded-*` replacing the client's (xfwd), `Origin`/`Referer` naming the
 * public origin rewritten (rewriteOrigin), websocket `Upgrade`, then the route's own `headers` (a
 * `null` is an empty value, which nginx does not send). nginx sends a header once per name: the
 * route's headers replace the defaults of the same name.
 */
export function renderRequestHeaders(route: ResolvedRoute, upstream: NginxUpstream): string[] {
  const headers = new Map<string, string>()
  headers.set('Host', route.changeOrigin ? quoteNginx(route.target.host) : '$http_host')
  if (route.xfwd) {
    headers.set('X-Forwarded-For', '$remote_addr')
    headers.set('X-Forwarded-Proto', '$scheme')
    headers.set('X-Forwarded-Host', '$http_host')
    headers.set('X-Forwarded-Port', '$server_port')
    headers.set('Forwarded', '""')
  }
  if (route.rewriteOrigin) {
    headers.set('Origin', `$${upstream.name}_origin`)
    headers.set('Referer', `$${upstream.name}_referer`)
  }
  headers.set('Upgrade', route.ws ? '$http_upgrade' : '""')
  headers.set('Connection', route.ws ? '$sameorigin_connection' : '$sameorigin_connection_no_ws')
  const byLowerCase = new Map([...headers.keys()].map((name) => [name.toLowerCase(), name]))
  for (const [name, value] of Object.entries(route.headers)) {
    headers.delete(byLowerCase.get(name) ?? name)
    headers.set(name, value === null ? '""' : quoteNginx(value, true))
  }
  return [...headers].map(([name, value]) => `proxy_set_header ${name} ${value};`)
}
