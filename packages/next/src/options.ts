import type { Logger, SameOriginOptions } from '@sameorigin/core'
import type { NextMode } from './to-next-rewrites.ts'

/**
 * Options of {@link withSameOrigin}: what every adapter takes (a sameorigin config merged over
 * `sameorigin.config.*`, routes per route key, the inline route winning, and `configFile`, relative to
 * `root`), plus how Next should carry the routes.
 * @example withSameOrigin(nextConfig, { mode: 'route' })
 */
export interface WithSameOriginOptions extends SameOriginOptions {
  /**
   * `'rewrites'`: every route becomes a native Next rewrite, and what rewrites cannot do is printed.
   * `'route'`: the route handler (`@sameorigin/next/route`) serves the routes with every feature;
   * only websocket upgrades keep a rewrite.
   * @default 'rewrites'
   */
  mode?: NextMode
  /**
   * The Next app's root, where the config file search starts.
   * @default process.cwd() (where `next dev` runs)
   */
  root?: string
  /**
   * Also forward in `next build` / `next start`. Off by default: the destinations are baked into the
   * build's routes manifest, which is rarely what a production deployment wants (a warning says so).
   * @default false
   */
  production?: boolean
  /**
   * Where the startup report and warnings go.
   * @default lines on stderr in Next's own style (` ⚠ ` for warnings)
   */
  logger?: Logger
}
