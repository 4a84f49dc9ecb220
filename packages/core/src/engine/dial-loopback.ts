import type { Agent as HttpAgent, ClientRequestArgs } from 'node:http'
import type { LookupAddress } from 'node:dns'
import type { LookupFunction, Socket } from 'node:net'
import process from 'node:process'
import { LOOPBACK_ADDRESSES } from '../rules/to-loopback-addresses.ts'

/** The loopback address that last answered, per `host:port` of a `localhost` target. */
export type LoopbackMemory = Map<string, string>

/**
 * A `lookup` that answers `addresses` in this order without asking DNS or `/etc/hosts`: with
 * `all: true` (what `net.connect` asks when `autoSelectFamily` is on) every one, else the first.
 */
function toLookup(addresses: readonly string[]): LookupFunction {
  const all: LookupAddress[] = addresses.map((address) => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }))
  const [first] = all as [LookupAddress]
  return (_hostname, options, callback) => {
    // Asynchronous, as dns.lookup is: `net` registers its listeners after calling it.
    if (options.all === true) process.nextTick(callback, null, all)
    else process.nextTick(callback, null, first.address, first.family)
  }
}

const [V4, V6] = LOOPBACK_ADDRESSES
const V4_FIRST = toLookup([V4, V6])
const V6_FIRST = toLookup([V6, V4])

/**
 * Makes every connection `agent` opens try both loopback addresses, Happy Eyeballs style: Node's
 * `autoSelectFamily` with a `lookup` that answers both, the one that answered last for this
 * `host:port` first (IPv4 first until one has). A refused address fails at once on loopback, so
 * the other is tried immediately; one that does not answer within `autoSelectFamilyAttemptTimeout`
 * (Node's default, 250 ms) is raced by the next. When neither answers, the socket fails with an
 * `AggregateError` holding one error per address, which `describeUpstreamError` names.
 *
 * Only agents for `localhost` targets get this (`createAgents` picks them by host name), so other
 * targets pay nothing. The socket's pool name stays `host:port`: sockets to either address are reused
 * alike.
 */
export function dialLoopback<A extends HttpAgent>(agent: A, memory: LoopbackMemory): A {
  const connect = agent.createConnection.bind(agent)
  agent.createConnection = (options: ClientRequestArgs, callback) => {
    const key = `${options.host}:${options.port}`
    const lookup = memory.get(key) === V6 ? V6_FIRST : V4_FIRST
    const socket = connect({ ...options, lookup, autoSelectFamily: true } as ClientRequestArgs, callback) as
      | Socket
      | null
      | undefined
    socket?.once('connect', () => {
      if (socket.remoteAddress !== undefined) memory.set(key, socket.remoteAddress)
    })
    return socket
  }
  return agent
}
