import { createSecureContext, rootCertificates } from 'node:tls'
import type { ResolvedRoute } from '../types.ts'
import type { RouteTrust } from './context.ts'

/**
 * Node's bundled roots plus the route's CAs, for an https route with `ca`: `ca` adds to the trusted
 * roots, it does not replace them. `undefined` for every other route.
 */
export function toRouteTrust(route: ResolvedRoute): RouteTrust | undefined {
  if (route.ca === undefined || route.target.protocol !== 'https:') return undefined
  const ca = route.ca.map((pem) => (typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8')))
  return { context: createSecureContext({ ca: [...rootCertificates, ...ca] }), ca }
}

/**
 * {@link toRouteTrust} built once per route, on its first https request, for every Node client (the
 * engine's, the Fetch transport's). Keyed weakly by the route object: a reloaded config brings new
 * routes, and the old ones' contexts go with the last request that used them.
 */
export function createTrustCache(): (route: ResolvedRoute) => RouteTrust | undefined {
  const cache = new WeakMap<ResolvedRoute, RouteTrust | null>()
  return (route) => {
    let trust = cache.get(route)
    if (trust === undefined) {
      trust = toRouteTrust(route) ?? null
      cache.set(route, trust)
    }
    return trust ?? undefined
  }
}
