import type { Configuration } from 'webpack'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { startInProcessDevServer } from './webpack-shared.ts'

/**
 * webpack-dev-server 5 with `new SameOriginPlugin(config)` in a webpack 5 config, started as webpack-cli
 * does (`new Server(compiler.options.devServer, compiler)`), serving a copy of the fixture. HTTP/2:
 * `server: { type: 'http2' }` with `app: () => connect()`, as webpack-dev-server documents it (its
 * default Express app cannot serve Node's HTTP/2 requests).
 */
export const webpackDevServer5: Host = defineHost({
  name: 'webpack-dev-server@5',
  capabilities: { ws: true, hmr: true, ssr: NO_SERVER_RENDERING },
  async start(fixtureDir, config, startOptions) {
    // Loaded when the host starts, so selecting other hosts never pays for importing webpack.
    const { default: webpack } = await import('webpack')
    const { default: WebpackDevServer } = await import('webpack-dev-server5')
    const { default: connect } = await import('connect')
    return startInProcessDevServer(
      {
        name: 'webpack-dev-server@5',
        createCompiler: (options) => webpack(options as Configuration),
        createServer: (devServer, compiler) => new WebpackDevServer(devServer as never, compiler as never),
        http2App: () => connect(),
      },
      fixtureDir,
      config,
      startOptions,
    )
  },
})
