import type { UserConfig } from '../types.ts'

/**
 * What every host adapter takes (the Vite, webpack / Rspack and Rsbuild plugins, `withSameOrigin`,
 * unplugin-sameorigin): a sameorigin config, merged over the one in `sameorigin.config.*` (routes per
 * route key, the inline route winning), plus where that file is. An adapter that needs more adds only
 * its host's own keys to it.
 * @example sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })
 */
export interface SameOriginOptions extends UserConfig {
  /**
   * The config file to load, relative to the host's root (Vite's `root`, Rsbuild's root, the webpack or
   * Rspack compiler's `context`, the Next app's `root`; the working directory when the host names
   * none), or `false` to load none and use only the options given here.
   * @default the nearest `sameorigin.config.*` from the host's root up to the workspace root
   */
  configFile?: string | false
}
