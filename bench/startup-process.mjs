// Scenario 7, one sample: a fresh Node process imports the dev server (and the sameorigin plugin),
// creates it and listens; prints the milliseconds from before the first import to listening, as JSON,
// and exits. Without the plugin the dev server has no proxy at all.
// argv: <host: vite | wds5 | wds6 | rsbuild> <workdir> <upstream> [--with-plugin]

import { performance } from 'node:perf_hooks'

const [host, workdir, upstream, flag] = process.argv.slice(2)
const withPlugin = flag === '--with-plugin'
const options = { routes: { '/api': upstream }, configFile: false, logLevel: 'warn' }
/** Per host: start it (with the plugin if asked), resolve once it listens, to a function that stops it. */
const HOSTS = {
  async vite() {
    const { createServer } = await import('vite')
    const plugins = withPlugin ? [(await import('@sameorigin/vite')).sameorigin(options)] : []
    const server = await createServer({
      root: workdir,
      configFile: false,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0 },
      plugins,
    })
    await server.listen()
    return () => server.close()
  },
  wds5: () => webpackDevServer('webpack-dev-server5'),
  wds6: () => webpackDevServer('webpack-dev-server6'),
  async rsbuild() {
    const { startRsbuild } = await import('./lib/start-rsbuild.mjs')
    const plugins = withPlugin ? [(await import('@sameorigin/rsbuild')).pluginSameOrigin(options)] : []
    return (await startRsbuild({ upstream, workdir }, { plugins })).close
  },
}

/** @param {string} specifier */
async function webpackDevServer(specifier) {
  const { startWebpackDevServer } = await import('./lib/start-webpack-dev-server.mjs')
  const { default: WebpackDevServer } = await import(specifier)
  const plugins = withPlugin ? [new (await import('@sameorigin/webpack')).SameOriginPlugin(options)] : []
  return (await startWebpackDevServer(WebpackDevServer, { upstream, workdir }, { plugins })).close
}

const started = performance.now()
const close = await HOSTS[host]()
const ms = performance.now() - started
await close()
process.stdout.write(`${JSON.stringify({ ms })}\n`)
