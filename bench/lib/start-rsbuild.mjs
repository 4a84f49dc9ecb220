// Rsbuild 2's dev server (`createRsbuild` + `startDevServer`, what `rsbuild dev` runs) over a one-file
// app, `/api` forwarded either by its own `server.proxy` (the native peer) or by a plugin.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRsbuild } from '@rsbuild/core'
import { freePort } from './free-port.mjs'

/**
 * @param {{ upstream: string, workdir: string }} options
 * @param {{ nativeProxy?: boolean, plugins?: object[] }} how `nativeProxy`: `server.proxy` to the
 *   upstream with `changeOrigin`; `plugins`: the Rsbuild config's (neither: no proxy, scenario 7's baseline)
 */
export async function startRsbuild({ upstream, workdir }, how = {}) {
  mkdirSync(join(workdir, 'src'), { recursive: true })
  writeFileSync(join(workdir, 'src', 'index.js'), 'export const answer = 42\n')
  const proxy = { '/api': { target: upstream, changeOrigin: true } }
  const rsbuild = await createRsbuild({
    cwd: workdir,
    loadEnv: false,
    rsbuildConfig: {
      logLevel: 'warn',
      dev: { hmr: false, liveReload: false, client: { overlay: false } },
      server: {
        host: '127.0.0.1',
        port: await freePort(),
        strictPort: true,
        printUrls: false,
        open: false,
        ...(how.nativeProxy ? { proxy } : {}),
      },
      plugins: how.plugins ?? [],
    },
  })
  const { port, server } = await rsbuild.startDevServer()
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() }
}
