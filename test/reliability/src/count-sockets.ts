import process from 'node:process'

/**
 * TCP sockets (and TLS layers over them) open in this process right now. The hosts, the upstreams
 * and the clients of a reliability case all run here, so this counts both sides of the proxy: the
 * browser's connections to the dev server and the dev server's connections to the backend.
 *
 * `getActiveResourcesInfo()` lists only handles that keep the event loop alive: Node's `http.Agent`
 * unrefs a socket it parks in its keep-alive pool, so the proxy's end of an idle pooled connection is
 * not counted here. Its other end is: the case's upstream (`FaultUpstream`) counts it too, and the
 * cases close idle upstream connections before they compare.
 */
export function countOpenSockets(): number {
  return process
    .getActiveResourcesInfo()
    .filter((resource) => resource === 'TCPSocketWrap' || resource === 'TLSWrap').length
}

/** What {@link waitForSockets} saw when it stopped. */
export interface SocketSettle {
  /** {@link countOpenSockets} when the wait ended. */
  readonly after: number
  /** Whether the count came back to at most the baseline (and `extra()` to 0) within the bound. */
  readonly settled: boolean
}

/**
 * Polls every 20 ms until at most `baseline` sockets are open in this process and `extra()` (open
 * upstream connections counted at the upstream) is 0, or `ms` passed. The bound is generous: closing
 * sockets takes a few event-loop turns, a leak takes forever.
 */
export async function waitForSockets(
  baseline: number,
  extra: () => number = () => 0,
  ms = 10_000,
): Promise<SocketSettle> {
  const until = Date.now() + ms
  for (;;) {
    // `extra()` first, every turn: it may close idle connections, which the count then reflects.
    const open = extra()
    const after = countOpenSockets()
    if (after <= baseline && open === 0) return { after, settled: true }
    if (Date.now() > until) return { after, settled: false }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
