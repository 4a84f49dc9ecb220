// The subject of the soak runs: core's stand-alone server (createProxyServer + listen) with one route
// to the upstream given as argv[2], in its own process so that its resident memory and open
// descriptors can be read from /proc without the test runner's in them. Tells the parent its port
// over IPC; exits when the parent goes away.
import process from 'node:process'
import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'

const upstream = process.argv[2]
if (upstream === undefined) throw new Error('usage: proxy-process.mjs <upstream url>')
// `warn`: a failure shows up in the test output; a proxied request logs nothing.
const resolved = resolveConfig({ routes: { '/api': upstream }, logLevel: 'warn' }, { env: {} })
const listening = await listen(createProxyServer(resolved, { env: {} }))
process.send?.({ port: listening.port })
process.on('disconnect', () => {
  void listening.close().finally(() => process.exit(0))
})
