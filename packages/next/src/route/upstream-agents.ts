import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import type { ResolvedRoute } from '@sameorigin/core'

/** Keep-alive agents for the handler's upstreams: one for http, one per https route (its TLS options). */
export interface UpstreamAgents {
  readonly forRoute: (route: ResolvedRoute) => HttpAgent
  readonly destroy: () => void
}

/**
 * Upstream connections are reused across requests (keep-alive), as the engine's `agents.ts` does: a
 * backend sees one connection per concurrent request, not one per request. Node's `fetch` would pool
 * too, but it decompresses bodies and will not send a `Host` of our choosing (`changeOrigin: false`),
 * so the handler speaks HTTP through `node:http` with these agents.
 */
export function createUpstreamAgents(): UpstreamAgents {
  const http = new HttpAgent({ keepAlive: true })
  const https = new Map<number, HttpsAgent>()
  return {
    forRoute(route) {
      if (route.target.protocol === 'http:') return http
      let agent = https.get(route.index)
      if (agent === undefined) {
        const ca =
          route.ca === undefined
            ? undefined
            : route.ca.map((cert) => (typeof cert === 'string' ? cert : Buffer.from(cert)))
        agent = new HttpsAgent({ keepAlive: true, rejectUnauthorized: route.secure, ...(ca ? { ca } : {}) })
        https.set(route.index, agent)
      }
      return agent
    },
    destroy() {
      http.destroy()
      for (const agent of https.values()) agent.destroy()
    },
  }
}
