// The sameorigin engine on a bare node:http server (`createProxyServer` + `listen`), default options.
// `inspector` (scenario 8): `true` records every exchange as the dev-server adapters do; an object is
// the config key as well (`{ bodyLimit: 0 }`: records without bodies).

import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'

/** @param {{ upstream: string, inspector?: boolean | { capacity?: number, bodyLimit?: number } }} options */
export async function start({ upstream, inspector = false }) {
  const resolved = resolveConfig({
    routes: { '/api': upstream },
    logLevel: 'warn',
    ...(typeof inspector === 'object' ? { inspector } : {}),
  })
  return listen(createProxyServer(resolved, { inspector: inspector !== false }))
}
