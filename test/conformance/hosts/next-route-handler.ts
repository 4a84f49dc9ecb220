import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { NEXT_GAPS, startNext } from './next-rewrites.ts'

/**
 * `next dev` with `withSameOrigin(config, { mode: 'route' })` and `app/[[...path]]/route.js`
 * exporting `createRouteHandler(config)` from `@sameorigin/next/route`: the core's rewriting over Web
 * Request/Response, websockets through the upgrade-only rewrites. One `next dev` for the whole run
 * (`hosts/next-dev.ts`): a block's config is a hot update of the route file.
 *
 * Gaps, Next's, not the handler's (declared below, so the tests needing them are skipped here with
 * the reason):
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
    ...NEXT_GAPS,
    forwardedHeaders:
      'a route handler sees only the headers Next passes: Next keeps the X-Forwarded-* the client sent, and sets its own when the route says `xfwd: false`',
    traceRefusal:
      'Next answers TRACE itself (500) before a route handler runs: it is never forwarded, but the status is not 405',
    exactContentLength:
      "Next re-sends a route handler's streamed body chunked, without Content-Length (the bytes are exact)",
  },
  start: (_fixtureDir, config, options) => startNext('route', config, options),
})
