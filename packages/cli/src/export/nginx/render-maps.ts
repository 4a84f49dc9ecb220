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
    '# The upstream connection: closed after a chunked request body (a backend that reads it',
    '# wrong then cannot take the rest for a second request: request smuggling), else upgraded',
    '# when the browser asks for a websocket, else kept open for the next request (keepalive).',
    'map "$http_upgrade|$http_transfer_encoding" $sameorigin_connection {',
    '  "~\\|." close;',
    '  "~^[^|]" upgrade;',
    '  default "";',
    '}',
    '# The same for routes with `ws: false`: no upgrade.',
    'map $http_transfer_encoding $sameorigin_connection_no_ws {',
    '  "" "";',
    '  default close;',
    '}',
    '',
    '# A GET or HEAD carrying a body (Content-Length above 0, or Transfer-Encoding): answered 400,',
    '# as no backend expects one and some would read it as the next request.',
    'map "$request_method|$http_content_length|$http_transfer_encoding" $sameorigin_body_refused {',
    '  "~^(?:GET|HEAD)\\|(?:0*[1-9][^|]*\\|.*|[^|]*\\|.+)$" 1;',
    '  default 0;',
    '}',
    '',
    '# Request paths that could change which route matches or leave a base path: answered 400.',
    'map $request_uri $sameorigin_unsafe_path {',
    `  ${quoteNginx(`~*${UNSAFE_PATH_REGEX}`)} 1;`,
    '  default 0;',
    '}',
    '',
    '# The folder of the request path, against which a relative Location resolves.',
    'map $request_uri $sameorigin_request_folder {',
    '  "~^(?<sameorigin_folder>[^?]*/)" $sameorigin_folder;',
    '  default /;',
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
