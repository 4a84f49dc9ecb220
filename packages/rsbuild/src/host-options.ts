import type { NormalizedConfig, RsbuildConfig } from '@rsbuild/core'

/**
 * The path of Rsbuild's HMR and live-reload socket (`dev.client.path`, `/rsbuild-hmr` by default),
 * given to the engine as `hmrPaths` so even a catch-all `ws` route never captures it. Rsbuild's socket
 * server listens on that path whatever `server.base` is. Empty for `rsbuild preview`, which has none.
 */
export function toHmrPaths(config: NormalizedConfig, kind: 'dev' | 'preview'): string[] {
  return kind === 'dev' ? [config.dev.client.path] : []
}

/**
 * The hosts the engine answers for, from Rsbuild's own DNS-rebinding setting:
 * - a `server.allowedHosts` list: that list plus `server.host`, exactly what Rsbuild checks;
 * - `server.allowedHosts: true` written in the config: any host, as the user asked;
 * - not written (or an older Rsbuild without the option): Rsbuild checks no host by default
 *   (`true`), but a proxied route reaches a backend with the developer's network position and
 *   credentials, so the engine keeps its own default for them (loopback names, IP literals and
 *   `server.host`). Rsbuild's own pages are unaffected.
 */
export function toAllowedHosts(config: NormalizedConfig, written: RsbuildConfig): readonly string[] | true {
  // `server.allowedHosts` arrived in a 2.2 patch (`undefined` before): older releases check no host at all.
  const { allowedHosts, host } = config.server as { allowedHosts?: string[] | true; host: string }
  if (allowedHosts === undefined || allowedHosts === true)
    return written.server?.allowedHosts === true ? true : [host]
  return [...allowedHosts, host]
}
