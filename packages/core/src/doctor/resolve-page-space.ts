import { isIP } from 'node:net'
import { isPotentiallyTrustworthy } from './is-potentially-trustworthy.ts'
import { resolveHost } from './resolve-host.ts'
import { toAddressSpace } from './to-address-space.ts'
import type { AddressSpace } from './to-address-space.ts'

/** Where the page lives, for Local Network Access. */
export interface PageSpace {
  readonly space: AddressSpace
  /** True when the page's host did not resolve here and `public` was assumed. */
  readonly assumed: boolean
  /** True when the page is a secure context (https, or a loopback host). */
  readonly secure: boolean
}

/**
 * The address space of the page's origin, as the browser would see it: from the address its host
 * resolves to (`localhost` and `*.localhost` are loopback, `*.local` is local without asking DNS). A
 * host that does not resolve here (a public name on a closed network, a tunnel) is taken as public,
 * the case where Local Network Access applies; the reason says so.
 */
export async function resolvePageSpace(origin: string, timeoutMs: number): Promise<PageSpace> {
  const url = new URL(origin)
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const secure = isPotentiallyTrustworthy(url)
  if (isIP(host) !== 0) return { space: toAddressSpace(host), assumed: false, secure }
  if (host === 'localhost' || host.endsWith('.localhost'))
    return { space: 'loopback', assumed: false, secure }
  if (host.endsWith('.local')) return { space: 'local', assumed: false, secure }
  try {
    const { address } = await resolveHost(host, timeoutMs)
    return { space: toAddressSpace(address), assumed: false, secure }
  } catch {
    return { space: 'public', assumed: true, secure }
  }
}
