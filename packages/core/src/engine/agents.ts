import { Agent as HttpAgent } from 'node:http'
import { Agent as HttpsAgent } from 'node:https'
import { createRequire } from 'node:module'
import type { HttpProxyAgent } from 'http-proxy-agent'
import type { HttpsProxyAgent } from 'https-proxy-agent'
import { isLocalhostName } from '../rules/to-loopback-addresses.ts'
import type { ResolvedTarget } from '../types.ts'
import type { LoopbackMemory } from './dial-loopback.ts'
import { dialLoopback } from './dial-loopback.ts'

// The forward-proxy agents load on first use: most developers have no HTTPS_PROXY, and every
// millisecond of import is added to their dev server's start. require(esm) is unflagged in every
// Node this package supports (^20.19.0 || >=22.12.0), and `for()` must stay synchronous.
const require = createRequire(import.meta.url)
const loadHttpProxyAgent = (): typeof HttpProxyAgent =>
  (require('http-proxy-agent') as typeof import('http-proxy-agent')).HttpProxyAgent
const loadHttpsProxyAgent = (): typeof HttpsProxyAgent =>
  (require('https-proxy-agent') as typeof import('https-proxy-agent')).HttpsProxyAgent

/**
 * Keep-alive sockets per upstream, pooled per engine. Not module-global: two dev servers in one process
 * never share or leak each other's sockets, and `destroy()` frees exactly this engine's.
 */
export interface UpstreamAgents {
  /**
   * The agent for a request to `target`, direct or through the forward proxy `proxy`.
   * Upgrades (`upgrade: true`) through a proxy always tunnel with CONNECT, since WebSocket frames
   * cannot travel in an absolute-form request; direct upgrades use no agent (`false`), as httpxy does,
   * because an upgraded socket never returns to a pool. A `localhost` target (never proxied) gets
   * agents that try both loopback addresses (`dialLoopback`), upgrades a non-keep-alive one.
   */
  for: (target: ResolvedTarget, proxy: string | undefined, upgrade: boolean) => HttpAgent | false
  /** Destroys every socket of every agent, in use or idle. */
  destroy: () => void
}

/**
 * Sockets kept per upstream host. Browsers open at most 6 per origin over HTTP/1.1; a dev server
 * sees a handful of tabs at most, so 64 is generous without letting a runaway loop exhaust ports.
 */
const MAX_SOCKETS = 64
/**
 * Idle sockets kept warm per host: all of them. Node destroys a freed socket beyond this number, so
 * anything lower makes a burst wider than it open new upstream connections on every request (the
 * benchmark saw 4,688 upstream connections for 50 concurrent clients with 16; bench/README.md).
 */
const MAX_FREE_SOCKETS = MAX_SOCKETS

/** Creates the agent set of one engine: http and https keep-alive agents, plus proxy agents on demand. */
export function createAgents(): UpstreamAgents {
  const options = { keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_FREE_SOCKETS }
  const http = new HttpAgent(options)
  const https = new HttpsAgent(options)
  const viaProxy = new Map<string, HttpAgent>()
  // `localhost` targets: created on first use; the key is `https:`/`http:`, `+upgrade` for upgrades.
  const loopback = new Map<string, HttpAgent>()
  const answered: LoopbackMemory = new Map()

  const toLoopback = (protocol: 'http:' | 'https:', upgrade: boolean): HttpAgent => {
    const key = upgrade ? `${protocol}+upgrade` : protocol
    let agent = loopback.get(key)
    if (agent === undefined) {
      // An upgrade's agent keeps nothing alive and limits nothing, as the one Node makes for `agent: false`.
      const agentOptions = upgrade ? {} : options
      agent = dialLoopback(
        protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions),
        answered,
      )
      loopback.set(key, agent)
    }
    return agent
  }

  const proxied = (protocol: 'http:' | 'https:', proxy: string, upgrade: boolean): HttpAgent => {
    // https targets, and every upgrade, tunnel with CONNECT; plain http requests use absolute-form
    // (RFC 9112 §3.2.2), which proxies can cache and filter as they are configured to.
    const tunnel = protocol === 'https:' || upgrade
    const key = `${tunnel ? 'connect' : 'forward'}${upgrade ? '+upgrade' : ''} ${proxy}`
    let agent = viaProxy.get(key)
    if (agent === undefined) {
      const agentOptions = { ...options, keepAlive: !upgrade }
      agent = tunnel
        ? new (loadHttpsProxyAgent())(proxy, agentOptions)
        : new (loadHttpProxyAgent())(proxy, agentOptions)
      viaProxy.set(key, agent)
    }
    return agent
  }

  return {
    for: (target, proxy, upgrade) => {
      const { protocol } = target
      if (proxy !== undefined) return proxied(protocol, proxy, upgrade)
      if (isLocalhostName(target.hostname)) return toLoopback(protocol, upgrade)
      if (upgrade) return false
      return protocol === 'https:' ? https : http
    },
    destroy: () => {
      http.destroy()
      https.destroy()
      for (const agent of viaProxy.values()) agent.destroy()
      viaProxy.clear()
      for (const agent of loopback.values()) agent.destroy()
      loopback.clear()
    },
  }
}
