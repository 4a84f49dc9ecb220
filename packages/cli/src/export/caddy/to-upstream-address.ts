import type { ResolvedTarget } from '@sameorigin/core'

/** The target as `reverse_proxy` takes it: scheme, host (IPv6 in brackets) and port, no path. */
export function toUpstreamAddress(target: ResolvedTarget): string {
  const host = target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname
  return `${target.protocol}//${host}:${target.port}`
}
