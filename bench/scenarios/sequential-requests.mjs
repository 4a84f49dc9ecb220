// Scenario 6: sequential requests from one keep-alive client: how many connections the upstream
// accepts meanwhile, and how many the client had to open (1 = the subject kept it alive).

import { Agent } from 'node:http'
import { request } from '../lib/request.mjs'

/**
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {{ connections: number }} upstreamStats counted by the upstream
 * @param {{ requests: number }} settings
 */
export async function measureSequential(subject, upstreamStats, settings) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  let clientConnections = 0
  const createConnection = agent.createConnection.bind(agent)
  agent.createConnection = (...args) => {
    clientConnections++
    return createConnection(...args)
  }
  let closeHeaders = 0
  const before = upstreamStats.connections
  for (let i = 0; i < settings.requests; i++) {
    const res = await request(`${subject.url}/api/small`, { agent })
    if (res.status !== 200) throw new Error(`request ${i}: HTTP ${res.status}`)
    if (res.headers.connection === 'close') closeHeaders++
  }
  const upstreamConnections = upstreamStats.connections - before
  agent.destroy()
  return {
    requests: settings.requests,
    upstreamConnectionsPer1000: (upstreamConnections * 1000) / settings.requests,
    clientConnections: clientConnections,
    connectionCloseAnswers: closeHeaders,
    clientKeptAlive: closeHeaders === 0 && clientConnections === 1,
  }
}
