import type { NginxUpstream } from './collect-upstreams.ts'

/**
 * An `upstream {}` block: the target's address (IPv6 in brackets; `localhost` as both loopback
 * addresses) and idle connections kept for reuse.
 */
export function renderUpstream(upstream: NginxUpstream): string {
  const { hostname, port, origin } = upstream.target
  const host = hostname.includes(':') ? `[${hostname}]` : hostname
  // `localhost` may be either loopback address, whatever /etc/hosts says: both, tried in turn.
  const servers =
    hostname === 'localhost'
      ? [`  server 127.0.0.1:${port} max_fails=0;`, `  server [::1]:${port} max_fails=0;`]
      : [`  server ${host}:${port};`]
  return [`# ${origin}`, `upstream ${upstream.name} {`, ...servers, '  keepalive 16;', '}'].join('\n')
}
