import type { UserConfig } from '@sameorigin/core'

/**
 * Options of the Vite plugin: a sameorigin config, merged over the one in `sameorigin.config.*`
 * (routes per route key, the inline route winning), plus where that file is.
 * @example sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })
 */
export interface SameoriginOptions extends UserConfig {
  /**
   * The config file to load, relative to Vite's `root`, or `false` to load none and use only the
   * options given here.
   * @default the nearest `sameorigin.config.*` from Vite's `root` up to the workspace root
   */
  configFile?: string | false
}
