import type { RspackOptions } from '@rspack/core'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { startInProcessDevServer } from './webpack-shared.ts'

/**
 * The Rspack dev server (@rspack/dev-server 2) with `new SameOriginPlugin(config)` in an Rspack config,
 * started as `rspack serve` does (`new RspackDevServer(compiler.options.devServer, compiler)`),
 * serving a copy of the fixture. HTTP/2: `server: { type: 'http2' }` (its default app is connect).
 */
export const rspack: Host = defineHost({
  name: 'rspack',
  capabilities: { ws: true, hmr: true, ssr: NO_SERVER_RENDERING },
  async start(fixtureDir, config, startOptions) {
    // Loaded when the host starts, so selecting other hosts never pays for importing Rspack.
    const { rspack: createCompiler } = await import('@rspack/core')
    const { RspackDevServer } = await import('@rspack/dev-server')
    return startInProcessDevServer(
      {
        name: 'rspack',
        createCompiler: (options) => createCompiler(options as RspackOptions),
        createServer: (devServer, compiler) => new RspackDevServer(devServer as never, compiler as never),
      },
      fixtureDir,
      config,
      startOptions,
    )
  },
})
