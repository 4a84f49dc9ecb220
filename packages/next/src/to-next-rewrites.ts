import type { ResolvedConfig } from '@sameorigin/core/rules'
import type { LostBehaviour } from './lost-behaviour.ts'
import { findLostBehaviours } from './lost-behaviour.ts'
import { translateRoute } from './translate-route.ts'
import type { NextRewrite, NextRouteHas } from './types.ts'

/** How routes reach the backend in Next. */
export type NextMode = 'rewrites' | 'route'

/** What {@link toNextRewrites} produces. */
export interface NextRewritesPlan {
  /** Rewrites for `beforeFiles`: like a dev-server proxy, they run before Next's own pages and routes. */
  readonly beforeFiles: readonly NextRewrite[]
  /** Every route behaviour the rewrites do not carry, for the startup report. */
  readonly lost: readonly LostBehaviour[]
}

/**
 * Only websocket upgrades: a route handler cannot take over a socket, but Next's external-rewrite
 * proxy can, so in route mode a `ws` route keeps a rewrite that HTTP requests never match.
 */
const UPGRADE: readonly NextRouteHas[] = [
  { type: 'header', key: 'upgrade', value: '[Ww][Ee][Bb][Ss][Oo][Cc][Kk][Ee][Tt]' },
]

/**
 * Translates resolved routes into Next rewrites (`mode: 'rewrites'`), or, in route-handler mode, into
 * the websocket-only rewrites the handler needs beside it. Nothing is dropped silently: each route
 * that gets no rewrite, and each behaviour a rewrite loses, is listed in `lost`.
 * @example toNextRewrites(resolved).beforeFiles // [{ source: '/api/:path*', destination: 'http://127.0.0.1:8080/api/:path*' }]
 */
export function toNextRewrites(resolved: ResolvedConfig, mode: NextMode = 'rewrites'): NextRewritesPlan {
  const beforeFiles: NextRewrite[] = []
  const lost: LostBehaviour[] = []
  for (const route of resolved.routes) {
    if (mode === 'route' && !route.ws) continue
    const translated = translateRoute(route)
    if (translated.skipped !== undefined) {
      // In route mode the handler still serves the route's HTTP requests; only its websockets are lost.
      const behaviour = mode === 'route' ? `websockets: ${translated.skipped}` : translated.skipped
      lost.push({ route: route.id, behaviour, skipped: mode === 'rewrites' })
      continue
    }
    if (mode === 'route') {
      for (const rewrite of translated.rewrites)
        beforeFiles.push({ ...rewrite, has: [...(rewrite.has ?? []), ...UPGRADE] })
      continue
    }
    beforeFiles.push(...translated.rewrites)
    for (const behaviour of findLostBehaviours(route))
      lost.push({ route: route.id, behaviour, skipped: false })
  }
  return { beforeFiles, lost }
}
