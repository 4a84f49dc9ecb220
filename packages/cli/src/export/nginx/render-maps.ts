import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { NginxUpstream } from './collect-upstreams.ts'
import { quoteNginx } from './quote-nginx.ts'
import { UNSAFE_PATH_REGEX } from './unsafe-path-regex.ts'

const SPECIAL = /[.*+?^${}()|[\]\\]/g

/**
 * The `map` blocks the locations read: `Connection` for websockets, the unsafe request paths, a
 * literal `$` for values that hold one, and per target the `Origin` and `Referer` naming the public
 * origin rewritten to the target's (other sites' pass unchanged).
 */
export function renderMaps(
  origin: URL,
  routes: readonly ResolvedRoute[],
  upstreams: ReadonlyMap<string, NginxUpstream>,
): string {
  const blocks = [
    '# Websockets: Upgrade is forwarded when the browser asks for it; otherwise the upstream',
    '# connection stays open for the next request (keepalive).',
    'map $http_upgrade $sameorigin_connection {',
    '  default upgrade;',
    '  "" "";',
    '}',
    '',
    '# Request paths that could change which route matches or leave a base path: answered 400.',
    'map $request_uri $sameorigin_unsafe_path {',
    `  ${quoteNginx(`~*${UNSAFE_PATH_REGEX}`)} 1;`,
    '  default 0;',
    '}',
    '',
    '# A literal "$" inside quoted values (nginx reads "$" as the start of a variable).',
    'geo $sameorigin_dollar {',
    '  default "$";',
    '}',
  ]
  for (const upstream of upstreams.values()) {
    const uses = routes.some((route) => route.rewriteOrigin && route.target.origin === upstream.target.origin)
    if (!uses) continue
    const target = upstream.target.origin
    const path = `${upstream.name}_referer_path`
    blocks.push(
      '',
      `# Origin and Referer naming ${origin.origin} become ${target} (backends with CSRF or origin checks).`,
      `map $http_origin $${upstream.name}_origin {`,
      `  ${quoteNginx(origin.origin)} ${quoteNginx(target)};`,
      '  default $http_origin;',
      '}',
      `map $http_referer $${upstream.name}_referer {`,
      `  ${quoteNginx(`~^${origin.origin.replace(SPECIAL, '\\$&')}(?<${path}>[/?#].*)?$`)} ${quoteNginx(`${target}$${path}`)};`,
      '  default $http_referer;',
      '}',
    )
  }
  return blocks.join('\n')
}
