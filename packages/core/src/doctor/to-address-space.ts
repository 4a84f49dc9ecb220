import { isIP } from 'node:net'

/**
 * The IP address spaces of Local Network Access, from most to least private. Browsers gate requests
 * that go from a less private space to a more private one.
 */
export type AddressSpace = 'loopback' | 'local' | 'public'

/** How private each space is: a request may go down or sideways freely, up only with permission. */
export const ADDRESS_SPACE_RANK: Readonly<Record<AddressSpace, number>> = { public: 0, local: 1, loopback: 2 }

function ipv4Space(address: string): AddressSpace {
  const [a = 0, b = 0] = address.split('.').map(Number)
  // 0.0.0.0/8 reaches the machine itself on most systems: browsers treat it as loopback.
  if (a === 127 || a === 0) return 'loopback'
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) {
    return 'local'
  }
  return 'public'
}

/**
 * The address space of an IP address, as Local Network Access defines it: loopback (127.0.0.0/8,
 * ::1), local (RFC 1918 private ranges, link-local, IPv6 outside the global 2000::/3 and multicast
 * ff00::/8 ranges) or public. IPv4-mapped IPv6 addresses count as their IPv4 address.
 * @see https://wicg.github.io/local-network-access/
 */
export function toAddressSpace(address: string): AddressSpace {
  const bare = address.replace(/^\[|\]$/g, '')
  if (isIP(bare) === 4) return ipv4Space(bare)
  if (isIP(bare) !== 6) return 'public'
  const lower = bare.toLowerCase()
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower)
  if (mapped?.[1] !== undefined) return ipv4Space(mapped[1])
  if (lower === '::1' || /^(?:0+:){7}0*1$/.test(lower)) return 'loopback'
  const first = Number.parseInt(lower.split(':')[0] || '0', 16)
  // 2000::/3 is the global unicast range, ff00::/8 multicast: both public; everything else is local.
  if ((first & 0xe000) === 0x2000 || (first & 0xff00) === 0xff00) return 'public'
  return 'local'
}
