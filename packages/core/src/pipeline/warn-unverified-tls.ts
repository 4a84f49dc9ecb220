import type { ResolvedRoute } from '../types.ts'
import type { Pipeline } from './types.ts'

/**
 * The one warning, once per route and proxy, that an https route's certificates are not verified
 * (`secure: false`), whichever transport's client connects.
 */
export function warnUnverifiedTls(pipeline: Pipeline, route: ResolvedRoute): void {
  if (route.secure || route.target.protocol !== 'https:' || pipeline.warnedInsecure.has(route)) return
  pipeline.warnedInsecure.add(route)
  pipeline.log.warn(
    `route ${route.id}: TLS certificates of ${route.target.origin} are not verified (\`secure: false\`). Prefer \`ca\` with the backend's CA certificate.`,
  )
}
