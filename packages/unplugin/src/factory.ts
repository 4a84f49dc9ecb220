import { pluginSameOrigin } from '@sameorigin/rsbuild'
import { sameorigin } from '@sameorigin/vite'
import { applySameOrigin } from '@sameorigin/webpack'
import type { UnpluginFactory } from 'unplugin'
import type { Options } from './types.ts'

/**
 * The one factory every bundler entry is built from. unplugin has no common dev-server hook, so each
 * bundler gets its adapter's own mounting through unplugin's per-bundler escape hatch; nothing here
 * implements proxying a second time. Vite: the hooks of `@sameorigin/vite` (config loading in
 * `configResolved`, the engine in `configureServer` / `configurePreviewServer`). webpack and Rspack:
 * `applySameOrigin` of `@sameorigin/webpack`, what its `SameOriginPlugin` runs (the dev server's
 * `devServer` options, and webpack-dev-server 6 plugin instances, get the engine's `setupMiddlewares`).
 * Rsbuild: `pluginSameOrigin` of `@sameorigin/rsbuild` (the engine on Rsbuild's own dev and preview
 * servers).
 */
export const unpluginFactory: UnpluginFactory<Options | undefined, false> = (options, meta) => ({
  name: 'sameorigin:proxy',
  vite: sameorigin(options),
  webpack: (compiler) => applySameOrigin(compiler, options),
  // Inside Rsbuild, unplugin also adds the factory's rspack hook to Rsbuild's Rspack config. Rsbuild
  // serves with its own server and never reads `devServer`, so the hook would only load the config
  // a second time: it is left out there.
  ...(meta.framework === 'rsbuild' ? {} : { rspack: (compiler) => applySameOrigin(compiler, options) }),
  rsbuild: pluginSameOrigin(options),
})
