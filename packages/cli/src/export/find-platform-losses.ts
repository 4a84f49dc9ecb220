import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { ExportLoss } from './types.ts'

/** What a hosting platform's proxy rewrites (Vercel, Netlify) can carry of a route. */
export interface PlatformProxy {
  /** The platform, as sentences name it (`Vercel`). */
  readonly name: string
  /** The way out for what the rewrites cannot do: something that runs the engine itself. */
  readonly instead: string
  /** Why its rules may match paths without regard to case (`/API/x` like `/api/x`), if they may. */
  readonly caseWhy: string | undefined
  /** It can set fixed request headers on a proxied request. */
  readonly setsRequestHeaders: boolean
  /** It can remove request headers from a proxied request. */
  readonly removesRequestHeaders: boolean
  /** It can set and remove response headers on a proxied answer. */
  readonly responseHeaders: boolean
  /** Why the route's timeouts do not hold there, in one sentence. */
  readonly timeoutWhy: string
}

const WS_INSTEAD =
  "connect the socket to the backend's own origin, or serve the routes from a server: sameorigin export nginx (or caddy)"

/** `name: value` of the headers a route sets (`null`: removes), for a loss's wording. */
function headerNames(headers: Readonly<Record<string, string | null>>, removed: boolean): string[] {
  return Object.entries(headers).flatMap(([name, value]) => ((value === null) === removed ? [name] : []))
}

/** The request / response header overrides the platform cannot carry. */
function headerLosses(route: ResolvedRoute, platform: PlatformProxy): ExportLoss[] {
  const lost: ExportLoss[] = []
  const loss = (behaviour: string, why: string): void => {
    lost.push({ route: route.id, behaviour, why, instead: platform.instead })
  }
  if (route.headersFunction !== undefined)
    loss('request headers computed per request (headers function)', 'a rewrite holds fixed values only')
  const set = headerNames(route.headers, false)
  const removed = headerNames(route.headers, true)
  if (set.length > 0 && !platform.setsRequestHeaders)
    loss(`request headers set (headers: ${set.join(', ')})`, `${platform.name} rewrites cannot set them`)
  if (removed.length > 0 && !platform.removesRequestHeaders)
    loss(
      `request headers removed (headers: ${removed.join(', ')}: null)`,
      `${platform.name} rewrites cannot remove them: the browser's values reach the backend`,
    )
  const responses = Object.keys(route.responseHeaders)
  if (responses.length > 0 && !platform.responseHeaders)
    loss(
      `response header overrides (responseHeaders: ${responses.join(', ')})`,
      `${platform.name} applies its custom headers to the files it serves, not to proxied answers`,
    )
  return lost
}

/**
 * What a platform's proxy rewrite drops of a route it does forward: the engine rewrites the answer
 * (cookies, redirects) and the request (Origin, Host, headers) and keeps its own timeouts and TLS
 * settings; a platform rewrite streams the exchange through its own proxy with none of that.
 * The route's matching is the translation's concern (a route it cannot match is not forwarded).
 */
export function findPlatformLosses(route: ResolvedRoute, platform: PlatformProxy): ExportLoss[] {
  const { name, instead } = platform
  const lost: ExportLoss[] = []
  const loss = (behaviour: string, why: string, other = instead): void => {
    lost.push({ route: route.id, behaviour, why, instead: other })
  }
  if (platform.caseWhy !== undefined) loss('exact-case matching', platform.caseWhy)
  if (route.cookies)
    loss(
      'Set-Cookie rewriting (cookies)',
      `${name} passes the backend's Set-Cookie as it is: a Domain naming the backend makes the browser drop the cookie, and its Path is not mapped through the route`,
    )
  if (route.redirects)
    loss(
      'Location / Refresh rewriting (redirects)',
      `${name} passes a redirect to the backend's own URL to the browser as it is, which then leaves the site`,
    )
  if (route.rewriteOrigin)
    loss(
      'Origin / Referer rewriting (rewriteOrigin)',
      "the backend sees the browser's Origin and Referer (the public origin)",
      `let the backend's origin check accept the public origin, or ${instead}`,
    )
  if (!route.changeOrigin)
    loss('keeping the public Host (changeOrigin: false)', `${name} sends the target's host as Host`)
  if (!route.xfwd)
    loss('no X-Forwarded-* headers (xfwd: false)', `${name}'s proxy adds its own forwarding headers`)
  lost.push(...headerLosses(route, platform))
  loss(
    `timeouts (timeout ${route.timeout} ms, connectTimeout ${route.connectTimeout} ms)`,
    platform.timeoutWhy,
  )
  if (!route.secure || route.ca !== undefined)
    loss(
      'TLS options (secure: false, ca)',
      `${name} verifies the backend's certificate against public authorities: a self-signed or private one is refused`,
    )
  if (route.ws) loss('websockets (ws)', `${name} rewrites do not carry WebSocket upgrades`, WS_INSTEAD)
  if (route.mock !== undefined)
    loss(`answers from a mock (mock: '${route.mock.mode}')`, `${name} forwards every request to the backend`)
  return lost
}
