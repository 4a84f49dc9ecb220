// Rsbuild 2 with @sameorigin/rsbuild's `pluginSameOrigin` instead of `server.proxy`, the route inline
// (no sameorigin.config.* is read).

import { pluginSameOrigin } from '@sameorigin/rsbuild'
import { startRsbuild } from '../lib/start-rsbuild.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start(options) {
  const plugin = pluginSameOrigin({
    routes: { '/api': options.upstream },
    configFile: false,
    logLevel: 'warn',
  })
  return startRsbuild(options, { plugins: [plugin] })
}
