import { createSecureContext, rootCertificates } from 'node:tls'
import type { ResolvedRoute } from '../types.ts'
import type { RouteTrust } from './context.ts'

/**
 * Node's bundled roots plus the route's CAs, once per https route with `ca`: `ca` adds to the trusted
 * roots, it does not replace them. Every Node client (the engine's, the Fetch transport's) uses it.
 */
export function toRouteTrust(routes: readonly ResolvedRoute[]): Map<ResolvedRoute, RouteTrust> {
  const trust = new Map<ResolvedRoute, RouteTrust>()
  for (const route of routes) {
    if (route.ca === undefined || route.target.protocol !== 'https:') continue
    const ca = route.ca.map((pem) => (typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8')))
    trust.set(route, { context: createSecureContext({ ca: [...rootCertificates, ...ca] }), ca })
  }
  return trust
}
