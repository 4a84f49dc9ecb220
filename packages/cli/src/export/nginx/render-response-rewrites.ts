import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { RouteRegex } from '../route-regex.ts'
import { quoteNginx } from './quote-nginx.ts'

const SPECIAL = /[.*+?^${}()|[\]\\]/g

/** A relative-path reference: no scheme, not starting with `/`, `?`, `#`, or a dot segment. */
const RELATIVE = '~^(?![A-Za-z][A-Za-z0-9+.-]*:|[/?#]|\\.\\.?(?:[/?#]|$))(.+)$'

function escape(text: string): string {
  return text.replace(SPECIAL, '\\$&')
}

/**
 * `Location`/`Refresh` (`proxy_redirect`) and `Set-Cookie` (`proxy_cookie_*`) rewritten as the engine
 * does: a URL on the target (or a path below its base path) mapped back through the route's prefix
 * onto the public origin, as an origin-relative reference; other target URLs keep their path on the
 * public origin; cookies lose their Domain (nginx can only empty it: `Domain=`, which browsers ignore,
 * so the cookie is host-only) and get their Path mapped back. On a plain-http origin `Secure` is dropped.
 */
export function renderResponseRewrites(route: ResolvedRoute, regex: RouteRegex, origin: URL): string[] {
  const lines: string[] = []
  const reverse = regex.reversePrefix
  const swap = reverse !== undefined && reverse.upstream !== reverse.app ? reverse : undefined
  if (route.redirects) {
    const { target } = route
    const defaultPort = target.host === target.hostname || target.host === `[${target.hostname}]`
    const port = defaultPort ? `(?::${target.port})?` : ''
    const targetOrigin = `${escape(target.origin)}${port}`
    if (swap !== undefined) {
      const from = `~^(?:${targetOrigin})?${escape(swap.upstream)}`
      lines.push(
        swap.app === ''
          ? `proxy_redirect ${quoteNginx(`${from}(?=[/?#]|$)/?(.*)$`)} "/$1";`
          : `proxy_redirect ${quoteNginx(`${from}((?:[/?#].*)?)$`)} ${quoteNginx(`${swap.app}$1`)};`,
      )
    }
    lines.push(`proxy_redirect ${quoteNginx(`~^${targetOrigin}(?=[/?#]|$)/?(.*)$`)} "/$1";`)
    // A relative reference (`settings`) resolves against the folder of the request, which a prefix
    // swap keeps: written out as the browser would resolve it. `$sameorigin_folder` is set before
    // (reading the map here would run its regex and replace this one's `$1`).
    if (reverse !== undefined) lines.push(`proxy_redirect ${quoteNginx(RELATIVE)} "$sameorigin_folder$1";`)
  }
  // `off`: not even nginx's default rewrite of the proxied URL.
  else lines.push('proxy_redirect off;')
  if (route.cookies) {
    lines.push('proxy_cookie_domain "~.*" "";')
    if (swap !== undefined) {
      const from = `~^${escape(swap.upstream)}`
      lines.push(
        swap.app === ''
          ? `proxy_cookie_path ${quoteNginx(`${from}(?:/(.*))?$`)} "/$1";`
          : `proxy_cookie_path ${quoteNginx(`${from}(/.*)?$`)} ${quoteNginx(`${swap.app}$1`)};`,
      )
    }
    if (origin.protocol === 'http:') lines.push('proxy_cookie_flags ~ nosecure;')
  }
  return lines
}
