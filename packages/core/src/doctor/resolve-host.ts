import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

/** An address a host name resolved to. */
export interface ResolvedHost {
  readonly address: string
  readonly family: 4 | 6
}

/**
 * Resolves `hostname` (from a URL: IPv6 literals in brackets) as the system resolver does, `/etc/hosts`
 * included. IP literals are returned as they are. Rejects after `timeoutMs`.
 */
export async function resolveHost(hostname: string, timeoutMs: number): Promise<ResolvedHost> {
  const bare = hostname.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 4 || family === 6) return { address: bare, family }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${bare} took more than ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    const found = await Promise.race([lookup(bare), timeout])
    return { address: found.address, family: found.family === 6 ? 6 : 4 }
  } finally {
    clearTimeout(timer)
  }
}
