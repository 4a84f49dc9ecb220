import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { RouteRegex, UpstreamPart } from '../route-regex.ts'
import type { NginxUpstream } from './collect-upstreams.ts'
import { quoteNginx } from './quote-nginx.ts'
import { renderConditions } from './render-conditions.ts'
import { renderErrorLocations } from './render-error-locations.ts'
import { renderRequestHeaders } from './render-request-headers.ts'
import { renderResponseRewrites } from './render-response-rewrites.ts'
import { toNginxTime } from './to-nginx-time.ts'

/** What a route's location needs besides the route. */
export interface LocationContext {
  readonly origin: URL
  readonly upstream: NginxUpstream
  readonly regex: RouteRegex
  /** The CA file written for the route's `ca`, relative to nginx's config folder. */
  readonly caFile: string | undefined
}

/**
 * A route as a regex `location` (regex locations are tried in the order written, like the routes,
 * and before the static files' `location /`), plus its named error locations; `undefined` when its
 * header conditions cannot be written. Named groups are written unnamed: nginx turns a named capture
 * into a variable, and a parameter called `host` would collide with nginx's own.
 */
export function renderLocation(route: ResolvedRoute, context: LocationContext): string | undefined {
  const { regex, upstream } = context
  const conditions = renderConditions(route)
  if (conditions === undefined) return undefined
  const pattern = regex.regex.replaceAll(/\(\?P<\w+>/g, '(')
  const name = `${upstream.name}_route_${route.index + 1}`
  const errors = renderErrorLocations(route, name)
  const folder = route.redirects && regex.reversePrefix !== undefined
  const proxy = (timeout: number): string[] => [
    ...(folder ? ['set $sameorigin_folder $sameorigin_request_folder;'] : []),
    ...renderRewrite(regex, pattern),
    `proxy_pass http://${upstream.name};`,
    ...renderRequestHeaders(route, upstream),
    ...renderTls(route, context.caFile),
    `proxy_connect_timeout ${toNginxTime(route.connectTimeout)};`,
    `proxy_read_timeout ${toNginxTime(timeout)};`,
    `proxy_send_timeout ${toNginxTime(timeout)};`,
    ...renderResponseRewrites(route, regex, context.origin),
    ...renderResponseHeaders(route),
    ...errors.names,
  ]
  // nginx sets its read timeout per location, before the answer says it is an event stream: a
  // request that asks for one goes to a twin location without the route's timeout.
  const events = route.timeout === 0 ? undefined : { location: `@${name}_events`, lines: proxy(0) }
  const body = [
    ...conditions,
    ...(events === undefined
      ? []
      : [
          `error_page 418 = ${events.location};`,
          'if ($http_accept ~* "text/event-stream") {',
          '  return 418;',
          '}',
        ]),
    ...proxy(route.timeout),
  ]
  const template = route.rewriteTemplate === undefined ? '' : ` (rewrite ${route.rewriteTemplate})`
  return [
    `# ${route.id} → ${route.target.href}${template}`,
    `location ~ ${quoteNginx(pattern)} {`,
    ...body.map((line) => `  ${line}`),
    '}',
    ...(events === undefined
      ? []
      : [
          `# ${route.id}: event streams, with no read timeout.`,
          `location ${events.location} {`,
          ...events.lines.map((line) => `  ${line}`),
          '}',
        ]),
    ...errors.lines,
  ].join('\n')
}

/**
 * The path sent upstream. Unchanged: nothing to write, and nginx forwards the request target exactly
 * as the browser sent it. Otherwise `rewrite ... break` builds it from the decoded path and nginx
 * percent-encodes it again when it forwards it.
 */
function renderRewrite(regex: RouteRegex, pattern: string): string[] {
  const [only] = regex.upstream
  if (regex.upstream.length === 1 && only?.type === 'path' && regex.query === '') return []
  const replacement = regex.upstream.map(toReplacement).join('') + regex.query
  return [`rewrite ${quoteNginx(pattern)} ${quoteNginx(replacement)} break;`]
}

function toReplacement(part: UpstreamPart): string {
  if (part.type === 'path') return '$uri'
  if (part.type === 'group') return `$${part.index}`
  return part.value.replaceAll('$', '${sameorigin_dollar}')
}

/** TLS to an https target: SNI with the target's name, and the certificate verified unless `secure: false`. */
function renderTls(route: ResolvedRoute, caFile: string | undefined): string[] {
  if (route.target.protocol !== 'https:') return []
  const lines = ['proxy_ssl_server_name on;', `proxy_ssl_name ${quoteNginx(route.target.hostname)};`]
  if (!route.secure) return [...lines, 'proxy_ssl_verify off;']
  return [
    ...lines,
    'proxy_ssl_verify on;',
    'proxy_ssl_verify_depth 4;',
    ...(caFile === undefined
      ? ["# The system's CA bundle (Debian, Ubuntu, Alpine; /etc/pki/tls/certs/ca-bundle.crt on RHEL)."]
      : []),
    `proxy_ssl_trusted_certificate ${quoteNginx(caFile ?? '/etc/ssl/certs/ca-certificates.crt')};`,
  ]
}

/** `responseHeaders`: the upstream's header hidden, then the route's value added (`null`: only hidden). */
function renderResponseHeaders(route: ResolvedRoute): string[] {
  return Object.entries(route.responseHeaders).flatMap(([name, value]) => [
    `proxy_hide_header ${name};`,
    ...(value === null ? [] : [`add_header ${name} ${quoteNginx(value, true)} always;`]),
  ])
}
