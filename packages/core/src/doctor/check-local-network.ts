import { ADDRESS_SPACE_RANK } from './to-address-space.ts'
import type { AddressSpace } from './to-address-space.ts'
import { SPEC } from './spec.ts'
import type { Reason } from './types.ts'

/** Where the page is and where the request goes, for {@link checkLocalNetwork}. */
export interface LocalNetworkFacts {
  readonly pageOrigin: string
  readonly pageSpace: AddressSpace
  /** True when the page's address space is a guess (its host name did not resolve here). */
  readonly pageSpaceAssumed: boolean
  /** Whether the page is a secure context (https, or a loopback host). */
  readonly pageSecure: boolean
  readonly targetUrl: string
  readonly targetAddress: string
  readonly targetSpace: AddressSpace
}

const BROWSERS =
  'Chromium 142 and later gate these requests behind a permission prompt (checked on Chromium 156: ' +
  'without the permission nothing reaches the server, and the old Private Network Access preflight ' +
  'header is no longer sent). Firefox is rolling out a similar prompt.'

/**
 * Local Network Access: a request from a page to a more private address space (public → local or
 * loopback, local → loopback) needs the user's permission in Chromium, and is refused outright when
 * the page is not a secure context. Requests from a loopback page (`http://localhost:5173`) are never
 * gated.
 * @see https://wicg.github.io/local-network-access/
 */
export function checkLocalNetwork(facts: LocalNetworkFacts): Reason[] {
  if (ADDRESS_SPACE_RANK[facts.targetSpace] <= ADDRESS_SPACE_RANK[facts.pageSpace]) return []
  const page = `${facts.pageOrigin} (${facts.pageSpace} address space${facts.pageSpaceAssumed ? ', assumed: its host does not resolve here' : ''})`
  const target = `${facts.targetUrl} (${facts.targetAddress}, ${facts.targetSpace} address space)`
  if (!facts.pageSecure) {
    return [
      {
        code: 'local-network-insecure',
        severity: 'block',
        message:
          `The page at ${page} is not a secure context, and the request goes to the more private ${target}: ` +
          'Chromium blocks it before sending anything. Serve the page over https, or from localhost.',
        standard: SPEC.localNetworkAccess,
        browsers: BROWSERS,
      },
    ]
  }
  return [
    {
      code: 'local-network-permission',
      severity: 'warn',
      message:
        `The page at ${page} calls the more private ${target}: Chromium first asks the user for permission ` +
        '("Look for and connect to any device on your local network"). If it is refused or never answered ' +
        '(automated browsers), the request fails before reaching the server. This verdict assumes the user allows it.',
      standard: SPEC.localNetworkAccess,
      browsers: BROWSERS,
    },
  ]
}
