// The sameorigin engine on a bare node:http server (`createProxyServer` + `listen`), default options.

import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'

/** @param {{ upstream: string }} options */
export async function start({ upstream }) {
  const resolved = resolveConfig({ routes: { '/api': upstream }, logLevel: 'warn' })
  return listen(createProxyServer(resolved))
}
