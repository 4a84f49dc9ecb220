import type { NginxUpstream } from './collect-upstreams.ts'

/** An `upstream {}` block: the target's address (IPv6 in brackets) and idle connections kept for reuse. */
export function renderUpstream(upstream: NginxUpstream): string {
  const { hostname, port, origin } = upstream.target
  const host = hostname.includes(':') ? `[${hostname}]` : hostname
  return [
    `# ${origin}`,
    `upstream ${upstream.name} {`,
    `  server ${host}:${port};`,
    '  keepalive 16;',
    '}',
  ].join('\n')
}
