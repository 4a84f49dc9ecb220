import { isIP } from 'node:net'
import { isLocalhostName } from '../rules/to-loopback-addresses.ts'
import type { ResolvedTarget } from '../types.ts'
import type { Env } from './context.ts'

/**
 * The forward proxy a connection to `target` must go through, from the environment as curl and most
 * tools read it: `https_proxy`/`HTTPS_PROXY` for https targets, `http_proxy`/`HTTP_PROXY` for http
 * ones (lower case first), unless `no_proxy`/`NO_PROXY` lists the host. Returns the proxy URL, or
 * `undefined` for a direct connection.
 *
 * Loopback targets (`localhost`, `127.0.0.0/8`, `::1`) are always direct: a backend on this machine
 * is not reachable through a corporate proxy, and a developer with `HTTP_PROXY` set should not have to
 * list `localhost` in `NO_PROXY` for the dev server to work.
 * @example matchForwardProxy(target, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.internal' })
 */
export function matchForwardProxy(target: ResolvedTarget, env: Env): string | undefined {
  if (isLoopback(target.hostname)) return undefined
  const scheme = target.protocol === 'https:' ? 'https' : 'http'
  const proxy = env[`${scheme}_proxy`] || env[`${scheme.toUpperCase()}_PROXY`]
  if (!proxy) return undefined
  if (isExcluded(target, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined
  // `proxy:3128` without a scheme is common in the wild; curl reads it as http.
  return /^[a-z][a-z\d+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`
}

/** Removes credentials from a proxy URL, for logs and error messages. */
export function toDisplayProxy(proxy: string): string {
  try {
    const url = new URL(proxy)
    url.username = ''
    url.password = ''
    return url.origin
  } catch {
    return '(invalid proxy URL)'
  }
}

function isLoopback(hostname: string): boolean {
  if (isLocalhostName(hostname)) return true
  if (isIP(hostname) === 4) return hostname.startsWith('127.')
  return hostname === '::1'
}

/**
 * `NO_PROXY` entries: `*` (everything), a host name that also covers its subdomains (`example.com`,
 * `.example.com` and `*.example.com` alike), or an IP address; each optionally with `:port`.
 */
function isExcluded(target: ResolvedTarget, noProxy: string): boolean {
  const hostname = target.hostname.toLowerCase()
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    let port: string | undefined
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
    const withPort = bracketed === null && isIP(entry) !== 6 ? /^(.+):(\d+)$/.exec(entry) : null
    if (bracketed !== null) [, entry = '', port] = bracketed
    else if (withPort !== null) [, entry = '', port] = withPort
    if (port !== undefined && Number(port) !== target.port) continue
    entry = entry.replace(/^\*?\./, '')
    if (entry !== '' && (hostname === entry || hostname.endsWith(`.${entry}`))) return true
  }
  return false
}
