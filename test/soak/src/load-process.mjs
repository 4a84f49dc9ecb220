// The load generator, in its own process (as in bench/) so that neither the proxy nor the sampler pays
// for its CPU. Gets { url, amount, connections, timeoutSeconds } over IPC, runs autocannon once for
// exactly `amount` requests, and answers with the totals. It also marks the steady part of the run:
// { phase: 'steady' } once every connection has had two answers (all are open), and
// { phase: 'ending' } when fewer than two rounds are left (before any connection runs out of work
// and closes), so that the parent can read the proxy's resources between the two.
import process from 'node:process'
import autocannon from 'autocannon'

process.once('message', (job) => {
  const { url, amount, connections, timeoutSeconds } = job
  const instance = autocannon(
    { url, amount, connections, pipelining: 1, timeout: timeoutSeconds },
    (error, result) => {
      if (error) {
        process.send?.({ error: String(error) })
        return
      }
      process.send?.({
        requests: result.requests.total,
        seconds: result.duration,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        status2xx: result['2xx'],
        p99: result.latency.p99,
        rps: result.requests.average,
      })
    },
  )
  let responses = 0
  instance.on('response', () => {
    responses++
    if (responses === 2 * connections) process.send?.({ phase: 'steady' })
    else if (responses === amount - 2 * connections) process.send?.({ phase: 'ending' })
  })
})
process.on('disconnect', () => process.exit(0))
