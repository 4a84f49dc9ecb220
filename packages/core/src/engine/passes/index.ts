import type { RequestPass, ResponsePass, SharedPass, UpgradePass } from '../context.ts'
import { applyCors } from './apply-cors.ts'
import { buildUpstreamHeaders } from './build-upstream-headers.ts'
import { forwardRequest } from './forward-request.ts'
import { forwardUpgrade } from './forward-upgrade.ts'
import { matchRoute } from './match-route.ts'
import { matchUpgrade } from './match-upgrade.ts'
import { readDevOrigin } from './read-dev-origin.ts'
import { rewriteResponseHeaders } from './rewrite-response-headers.ts'
import { skipConnect } from './skip-connect.ts'
import { watchResponseBody } from './watch-response-body.ts'

/**
 * The order of an HTTP request, written once (ARCHITECTURE.md repeats it). A pass returning `true`
 * finished the request: answered it, handed it to `next()`, or started forwarding.
 */
export const requestPasses: readonly (RequestPass | SharedPass)[] = [
  skipConnect,
  matchRoute,
  readDevOrigin,
  applyCors,
  buildUpstreamHeaders,
  forwardRequest,
]

/** The order of the upstream's response head (httpxy's `proxyRes` event), before it is copied. */
export const responsePasses: readonly ResponsePass[] = [rewriteResponseHeaders, watchResponseBody]

/** The order of a WebSocket upgrade. A pass returning `true` finished it, or declined it for the host. */
export const upgradePasses: readonly (UpgradePass | SharedPass)[] = [
  matchUpgrade,
  readDevOrigin,
  applyCors,
  buildUpstreamHeaders,
  forwardUpgrade,
]
