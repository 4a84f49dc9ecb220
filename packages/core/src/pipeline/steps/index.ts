import { applyCors } from './apply-cors.ts'
import { buildUpstreamHeaders } from './build-upstream-headers.ts'
import { checkHost } from './check-host.ts'
import { matchInspector } from './match-inspector.ts'
import { matchRoute } from './match-route.ts'
import { matchUpgrade } from './match-upgrade.ts'
import { refuseMockedUpgrade } from './refuse-mocked-upgrade.ts'
import type { Step } from './plan-state.ts'
import { skipConnect } from './skip-connect.ts'

/**
 * The order of an HTTP request, written once (ARCHITECTURE.md repeats it, checked). Every transport
 * runs it through `planRequest`; a step that ends the request returns how.
 */
export const requestSteps: readonly Step[] = [
  skipConnect,
  matchInspector,
  matchRoute,
  checkHost,
  applyCors,
  buildUpstreamHeaders,
]

/** The order of a WebSocket upgrade (`planUpgrade`). */
export const upgradeSteps: readonly Step[] = [
  matchUpgrade,
  checkHost,
  applyCors,
  refuseMockedUpgrade,
  buildUpstreamHeaders,
]
