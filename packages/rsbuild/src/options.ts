import type { UserConfig } from '@sameorigin/core'

/**
 * Options of the Rsbuild plugin: a sameorigin config, merged over the one in `sameorigin.config.*`
 * (routes per route key, the inline route winning), plus where that file is.
 * @example pluginSameOrigin({ routes: { '/api': 'http://127.0.0.1:8080' } })
 */
export interface SameOriginOptions extends UserConfig {
  /**
   * The config file to load, relative to Rsbuild's root (`api.context.rootPath`), or `false` to load
   * none and use only the options given here.
   * @default the nearest `sameorigin.config.*` from Rsbuild's root up to the workspace root
   */
  configFile?: string | false
}
