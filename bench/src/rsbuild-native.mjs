// Rsbuild 2's own `server.proxy` with `changeOrigin`, as its docs show it.

import { startRsbuild } from '../lib/start-rsbuild.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  return startRsbuild(options, { nativeProxy: true })
}
