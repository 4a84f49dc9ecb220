import { createRsbuild } from '@rsbuild/core'
import { captureLogs } from '../src/capture-logs.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { rsbuildConfig } from './rsbuild-dev.ts'
import { hostUrl } from './tls.ts'

/**
 * `rsbuild preview`: `rsbuild build`, then `preview()` with `pluginSameOrigin(config)`, on a copy of
 * the fixture. The build (well under a second) runs per start, in the copy it is removed with.
 */
export const rsbuildPreview: Host = defineHost({
  name: 'rsbuild-preview',
  capabilities: {
    ssr: NO_SERVER_RENDERING,
    ws: true,
    hmr: '`rsbuild preview` serves a build: there is no HMR websocket',
  },
  async start(fixtureDir, config, options) {
    const fixture = await copyFixture(fixtureDir)
    const logs = captureLogs()
    try {
      const rsbuild = await createRsbuild({
        cwd: fixture.dir,
        config: await rsbuildConfig(fixture.dir, logs, config, { mode: 'production', http2: options.http2 }),
      })
      const build = await rsbuild.build()
      await build.close()
      const { server, port } = await rsbuild.preview({ getPortSilently: true })
      return {
        url: hostUrl(port, options.http2),
        port,
        root: fixture.dir,
        logs,
        close: async () => {
          await server.close()
          await fixture.remove()
        },
      }
    } catch (error) {
      await fixture.remove()
      throw error
    }
  },
})
