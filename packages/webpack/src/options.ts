import type { UserConfig } from '@sameorigin/core'

/**
 * Options of the webpack / Rspack plugin and of `withSameOrigin`: a sameorigin config, merged over the
 * one in `sameorigin.config.*` (routes per route key, the inline route winning), plus where that file is.
 * @example new SameOriginPlugin({ routes: { '/api': 'http://127.0.0.1:8080' } })
 */
export interface SameOriginOptions extends UserConfig {
  /**
   * The config file to load, relative to the compiler's `context` (or the working directory when no
   * compiler is known), or `false` to load none and use only the options given here.
   * @default the nearest `sameorigin.config.*` from the compiler's `context` up to the workspace root
   */
  configFile?: string | false
}
