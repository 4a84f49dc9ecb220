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
 * The Rspack dev server (@rspack/dev-server 2) with `new SameOriginPlugin(config)` in an Rspack config,
 * started as `rspack serve` does (`new RspackDevServer(compiler.options.devServer, compiler)`),
 * serving a copy of the fixture.
 */
export const rspack: Host = defineHost({
  name: 'rspack',
  capabilities: { ws: true, hmr: true },
  async start(fixtureDir, config) {
    // Loaded when the host starts, so selecting other hosts never pays for importing Rspack.
    const { rspack: createCompiler } = await import('@rspack/core')
    const { RspackDevServer } = await import('@rspack/dev-server')
    const { SameOriginPlugin } = await import('@sameorigin/webpack')
    const fixture = await copyWebpackProject(fixtureDir)
    const logs = captureLogs()
    const compiler = createCompiler({
      ...toProjectConfig(fixture.dir),
      devServer: toDevServerOptions(fixture.dir),
      plugins: [new SameOriginPlugin(toPluginOptions(config))],
      infrastructureLogging: { level: 'info', console: toInfrastructureConsole(logs) },
      stats: 'none',
    })
    const { devServer } = compiler.options
    if (!devServer) throw new Error('rspack: the plugin left no devServer options')
    const server = new RspackDevServer(devServer, compiler)
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
