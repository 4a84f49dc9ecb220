import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { startNextDev } from './next-rewrites.ts'

/**
 * `next dev` with `withSameOrigin(config, { mode: 'route' })` and `app/[[...path]]/route.js`
 * exporting `@sameorigin/next/route`'s handlers: the core's rewriting over Web Request/Response,
 * websockets through the upgrade-only rewrites. Started once per scenario block, not per test.
 *
 * Gaps (Next's, not the handler's; only `ws` and `hmr` can be declared as capabilities today, so
 * these scenarios fail here until the suite has one per gap):
 * - X-Forwarded-*: a route handler sees no socket, only the headers Next passes, and Next keeps
 *   what the client sent (and sets its own when the route says `xfwd: false`)
 * - Content-Length: Next re-sends a route handler's body chunked (the bytes are exact)
 * - an absolute-form request line gets Next's 308 before any route runs
 * - websockets go through Next's rewrite proxy (a handler cannot take over a socket): the handshake
 *   keeps the dev Origin, a down upstream gets no 502, and refused paths leave it unanswered
 */
export const nextRouteHandler: Host = defineHost({
  name: 'next-route-handler',
  capabilities: {
    ws: true,
    hmr: "the HMR scenario edits the fixture's index.html, which a Next app does not have",
  },
  start: (_fixtureDir, config) => startNextDev(config, 'route'),
})
