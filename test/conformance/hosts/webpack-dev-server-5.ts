import type { AddressInfo } from 'node:net'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import {
  copyWebpackProject,
  toHmrSocket,
  toDevServerOptions,
  toInfrastructureConsole,
  toPluginOptions,
  toProjectConfig,
} from './webpack-shared.ts'

/**
 * webpack-dev-server 5 with `new SameOriginPlugin(config)` in a webpack 5 config, started as webpack-cli
 * does (`new Server(compiler.options.devServer, compiler)`), serving a copy of the fixture.
 */
export const webpackDevServer5: Host = defineHost({
  name: 'webpack-dev-server@5',
  capabilities: { ws: true, hmr: true },
  async start(fixtureDir, config) {
    // Loaded when the host starts, so selecting other hosts never pays for importing webpack.
    const { default: webpack } = await import('webpack')
    const { default: WebpackDevServer } = await import('webpack-dev-server5')
    const { SameOriginPlugin } = await import('@sameorigin/webpack')
    const fixture = await copyWebpackProject(fixtureDir)
    const logs = captureLogs()
    const compiler = webpack({
      ...toProjectConfig(fixture.dir),
      devServer: toDevServerOptions(fixture.dir),
      plugins: [new SameOriginPlugin(toPluginOptions(config))],
      infrastructureLogging: { level: 'info', console: toInfrastructureConsole(logs) },
      stats: 'none',
    })
    const { devServer } = compiler.options
    if (!devServer) throw new Error('webpack-dev-server@5: the plugin left no devServer options')
    const server = new WebpackDevServer(devServer, compiler)
    const close = async (): Promise<void> => {
      await server.stop()
      await new Promise<void>((resolve) => compiler.close(() => resolve()))
      await fixture.remove()
    }
    try {
      await server.start()
      const { port } = server.server!.address() as AddressInfo
      return {
        url: `http://127.0.0.1:${port}`,
        port,
        root: fixture.dir,
        logs,
        hmr: toHmrSocket(port),
        close,
      }
    } catch (error) {
      await close()
      throw error
    }
  },
})
