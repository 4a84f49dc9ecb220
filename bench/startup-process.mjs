// Scenario 7, one sample: a fresh Node process imports Vite (and the plugin), creates the dev server and
// listens; prints the milliseconds from before the first import to listening, as JSON, and exits.
// argv: <workdir> <upstream> [--with-plugin]

import { performance } from 'node:perf_hooks'

const [workdir, upstream, flag] = process.argv.slice(2)
const started = performance.now()
const { createServer } = await import('vite')
const plugins = []
if (flag === '--with-plugin') {
  const { sameorigin } = await import('@sameorigin/vite')
  plugins.push(sameorigin({ routes: { '/api': upstream }, configFile: false, logLevel: 'warn' }))
}
const server = await createServer({
  root: workdir,
  configFile: false,
  logLevel: 'silent',
  server: { host: '127.0.0.1', port: 0 },
  plugins,
})
await server.listen()
const ms = performance.now() - started
await server.close()
process.stdout.write(`${JSON.stringify({ ms })}\n`)
