import { sameorigin } from '@sameorigin/vite'
import type { UnpluginFactory } from 'unplugin'
import type { Options } from './types.ts'

/**
 * The one factory every bundler entry is built from. unplugin has no common dev-server hook, so each
 * bundler gets its adapter's own mounting through unplugin's per-bundler escape hatch; nothing here
 * implements proxying a second time. Vite: the hooks of `@sameorigin/vite` (config loading in
 * `configResolved`, the engine in `configureServer` / `configurePreviewServer`).
 */
export const unpluginFactory: UnpluginFactory<Options | undefined, false> = (options) => ({
  name: 'sameorigin:proxy',
  vite: sameorigin(options),
})
