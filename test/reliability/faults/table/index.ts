import type { Fault } from '../fault.ts'
import { CLIENT_SIDE_FAULTS } from './client-side.ts'
import { CONNECT_FAULTS } from './connect.ts'
import { PROTOCOL_FAULTS } from './protocol.ts'
import { RESPONSE_FAULTS } from './response-body.ts'
import { WEBSOCKET_FAULTS } from './websocket.ts'

/** Every fault, in the order of the results table: reaching the upstream, its answer, the browser, WebSockets, protocol edges. */
export const FAULTS: readonly Fault[] = [
  ...CONNECT_FAULTS,
  ...RESPONSE_FAULTS,
  ...CLIENT_SIDE_FAULTS,
  ...WEBSOCKET_FAULTS,
  ...PROTOCOL_FAULTS,
]
