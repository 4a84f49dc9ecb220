import type { ServerProxyOptions } from '@sameorigin/core'

/**
 * What the module hands the server plugin in Nitro's bundle (the virtual module
 * `#sameorigin/options`): the module's options and what Nuxt knows (root, mode, the dev server's
 * allowed hosts). Plain data: Nitro's server runs from its own bundle, in a worker in `nuxt dev`.
 */
export interface RuntimeOptions {
  /** `createServerProxy`'s options: the config from nuxt.config, `configFile`, root, mode, `production`, `allowedHosts`. */
  readonly proxy: ServerProxyOptions
  /** `nuxt dev`: the dev server records each client ({@link CLIENT_HEADER}), and the plugin trusts that record. */
  readonly dev: boolean
}

/** The virtual module's id. */
export const OPTIONS_MODULE = '#sameorigin/options'
