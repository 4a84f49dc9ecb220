import type { SameOriginOptions } from '@sameorigin/core'
import { sameorigin as vitePlugin } from '@sameorigin/vite'
import type { Plugin } from 'vite'
import { markVitePreview } from './preview-marker.ts'

/**
 * `@sameorigin/vite`'s plugin (the browser's requests, websockets and HTTP/2 in `vite dev` and `vite
 * preview`), plus `sameorigin:sveltekit`, which tells the `handle` hook it runs in `vite preview`:
 * the built server then forwards `event.fetch('/api/...')` as the dev server does. It also keeps the
 * hook out of the server bundle. Place it after `sveltekit()`.
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [sveltekit(), sameorigin()] })
 */
export function sameorigin(options: SameOriginOptions = {}): Plugin[] {
  // SvelteKit renders its pages itself and never runs `transformIndexHtml` (it warns about plugins
  // that have one): the hook adds the report client to SvelteKit's pages instead.
  const { transformIndexHtml: _unused, ...proxy } = vitePlugin(options)
  return [
    proxy,
    {
      name: 'sameorigin:sveltekit',
      // The hook is imported from this package at run time, never bundled into the server build: the
      // core loads the config file with a transpiler whose files a bundle would not carry along. (A
      // package installed from the registry is external anyway; a linked one would be bundled.)
      config: () => ({ ssr: { external: ['@sameorigin/sveltekit'] } }),
      configurePreviewServer: markVitePreview,
    },
  ]
}
