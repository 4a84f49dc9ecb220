import type { ResolvedRoute } from '@sameorigin/core'
import { caddyLiteral } from './caddy-literal.ts'
import { caddyToken } from './caddy-token.ts'
import { toOriginRegex } from './to-origin-regex.ts'

/** Caddy sets these itself, dropping the client's (no proxy is trusted); `xfwd: false` passes the client's. */
const FORWARDED = ['X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host']

/**
 * `header_up` lines: `Connection` (see `toGuardBlocks`), `Host` (changeOrigin), the `X-Forwarded-*`
 * set (Caddy writes For, Proto and Host; Port is the public origin's; a client's `Forwarded` is
 * dropped), or with `xfwd: false` the client's own, `Origin` and `Referer` naming the app rewritten
 * to the target (rewriteOrigin), then the route's own `headers`, last so they win as in the engine.
 */
export function toRequestHeaders(route: ResolvedRoute, origin: URL): string[] {
  const lines = ['header_up Connection {vars.sameorigin_connection}']
  if (route.changeOrigin) lines.push(`header_up Host ${caddyToken(route.target.host)}`)
  if (route.xfwd) {
    const port = origin.port === '' ? (origin.protocol === 'https:' ? '443' : '80') : origin.port
    lines.push(`header_up X-Forwarded-Port ${port}`, 'header_up -Forwarded')
  } else lines.push(...FORWARDED.map((name) => `header_up ${name} {http.request.header.${name}}`))
  if (route.rewriteOrigin) {
    const app = toOriginRegex(origin)
    const target = route.target.origin
    lines.push(
      `header_up Origin ${caddyToken(`^${app}$`)} ${caddyToken(target)}`,
      `header_up Referer ${caddyToken(`^${app}([/?#].*)?$`)} ${caddyToken(`${target}$1`)}`,
    )
  }
  for (const [name, value] of Object.entries(route.headers)) {
    lines.push(value === null ? `header_up -${name}` : `header_up ${name} ${caddyToken(caddyLiteral(value))}`)
  }
  return lines
}
