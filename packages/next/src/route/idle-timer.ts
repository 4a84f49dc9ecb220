import type { ClientRequest } from 'node:http'
import type { ProxyError } from '@sameorigin/core'
import { createError } from '@sameorigin/core'
import type { ResolvedRoute } from '@sameorigin/core'

/** The clock of one upstream request. */
export interface IdleTimer {
  /** Something moved (a chunk either way): the upstream gets a full `timeout` again. */
  readonly touch: () => void
  readonly clear: () => void
}

/**
 * The engine's two clocks (`engine/upstream-timer.ts`), for the route handler: `connectTimeout` until
 * the socket is connected, then `timeout` of silence, restarted by every chunk. `0` disables either.
 * Fails with the same codes, so the answer is the same 504.
 */
export function startIdleTimer(
  route: ResolvedRoute,
  upstream: ClientRequest,
  fail: (error: ProxyError) => void,
): IdleTimer {
  const target = route.target.origin
  const details = { route: route.id, target: route.target.href }
  let timer: NodeJS.Timeout | undefined
  let cleared = false
  let connected = false
  const arm = (ms: number, onExpire: () => void): void => {
    clearTimeout(timer)
    timer = ms > 0 && !cleared ? setTimeout(onExpire, ms) : undefined
  }
  const onIdle = (): void =>
    fail(
      createError('ERR_UPSTREAM_TIMEOUT', {
        message: `${target} sent nothing for ${route.timeout} ms (route ${route.id}, \`timeout: ${route.timeout}\`).`,
        details,
      }),
    )
  arm(route.connectTimeout, () =>
    fail(
      createError('ERR_UPSTREAM_CONNECT_TIMEOUT', {
        message: `Connecting to ${target} took longer than ${route.connectTimeout} ms (route ${route.id}, \`connectTimeout: ${route.connectTimeout}\`).`,
        details,
      }),
    ),
  )
  const onConnected = (): void => {
    connected = true
    arm(route.timeout, onIdle)
  }
  upstream.once('socket', (socket) => {
    // A pooled keep-alive socket is already connected.
    if (socket.connecting) socket.once('connect', onConnected)
    else onConnected()
  })
  return {
    touch: () => {
      if (connected && timer !== undefined) arm(route.timeout, onIdle)
    },
    clear: () => {
      cleared = true
      clearTimeout(timer)
    },
  }
}
