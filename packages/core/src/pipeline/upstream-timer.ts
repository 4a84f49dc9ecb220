import type { ProxyError } from '../errors/proxy-error.ts'
import { createError } from '../errors/proxy-error.ts'
import type { ResolvedRoute } from '../types.ts'

/**
 * The two clocks of one upstream exchange: `connectTimeout` until the socket is connected (TCP, TLS
 * and any proxy tunnel), then `timeout` of upstream silence, restarted by every sign of life.
 */
export interface UpstreamTimer {
  /** The connection to the upstream is up (TCP, TLS and any proxy tunnel): the idle clock starts. */
  readonly connected: () => void
  /** The upstream did something (sent a chunk, read ours): restart the idle clock. */
  readonly touch: () => void
  /** From now on no idle limit applies (an event stream, an open WebSocket). */
  readonly exempt: () => void
  /** The exchange ended; no clock runs any more. */
  readonly clear: () => void
}

/** Options for {@link startUpstreamTimer}. */
export interface UpstreamTimerOptions {
  /** Called once when a clock runs out, with `ERR_UPSTREAM_CONNECT_TIMEOUT` or `ERR_UPSTREAM_TIMEOUT`. */
  readonly onTimeout: (error: ProxyError) => void
  /**
   * Whether the exchange is waiting on the upstream right now. When it is not (the browser is slow to
   * upload or to read, so the stream is held back by backpressure), the idle clock starts over
   * instead of firing: only upstream silence counts.
   * @default () => true
   */
  readonly isWaitingOnUpstream?: () => boolean
}

/** Starts the connect clock for a request on `route` (no clock for a limit of `0`). */
export function startUpstreamTimer(route: ResolvedRoute, options: UpstreamTimerOptions): UpstreamTimer {
  const target = route.target.origin
  let phase: 'connect' | 'idle' | 'off' = 'connect'
  let timer: Clock | undefined

  const arm = (ms: number, onFire: () => void): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = ms > 0 ? startClock(ms, onFire) : undefined
  }
  const stop = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const fail = (error: ProxyError): void => {
    phase = 'off'
    stop()
    options.onTimeout(error)
  }
  const onIdle = (): void => {
    if (phase !== 'idle') return
    if (options.isWaitingOnUpstream?.() === false) {
      timer = restart(timer, route.timeout, onIdle)
      return
    }
    fail(
      createError('ERR_UPSTREAM_TIMEOUT', {
        message: `${target} sent nothing for ${route.timeout} ms (route ${route.id}, \`timeout: ${route.timeout}\`).`,
        details: { route: route.id, target: route.target.href },
      }),
    )
  }
  const connected = (): void => {
    if (phase !== 'connect') return
    phase = 'idle'
    arm(route.timeout, onIdle)
  }

  arm(route.connectTimeout, () =>
    fail(
      createError('ERR_UPSTREAM_CONNECT_TIMEOUT', {
        message: `Connecting to ${target} took longer than ${route.connectTimeout} ms (route ${route.id}, \`connectTimeout: ${route.connectTimeout}\`).`,
        details: { route: route.id, target: route.target.href },
      }),
    ),
  )

  return {
    connected,
    touch: () => {
      if (phase === 'idle') timer = restart(timer, route.timeout, onIdle)
    },
    exempt: () => {
      phase = 'off'
      stop()
    },
    clear: () => {
      phase = 'off'
      stop()
    },
  }
}

/** A running timeout: Node's `Timeout` (refreshable in place), or a runtime's number id. */
type Clock = ReturnType<typeof setTimeout>

/**
 * Starts a timeout that never holds the process open (a dev server exits on Ctrl+C without waiting
 * for one): Node's `unref`, where the runtime has it.
 */
function startClock(ms: number, onFire: () => void): Clock {
  const clock = setTimeout(onFire, ms)
  ;(clock as { unref?: () => void }).unref?.()
  return clock
}

/**
 * The same clock started over: Node's `refresh` (no new timer on every chunk of a download), or a new
 * timeout where the runtime's has no `refresh` (workerd, browsers).
 */
function restart(clock: Clock | undefined, ms: number, onFire: () => void): Clock | undefined {
  if (clock === undefined) return undefined
  const refresh = (clock as { refresh?: () => unknown }).refresh
  if (refresh !== undefined) {
    refresh.call(clock)
    return clock
  }
  clearTimeout(clock)
  return startClock(ms, onFire)
}
