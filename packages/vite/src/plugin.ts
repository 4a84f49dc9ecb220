import type { LoadHostConfigOptions, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { loadHostConfig, REPORT_CLIENT_PATH } from '@sameorigin/core'
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { mountProxy } from './mount-proxy.ts'

/**
 * The sameorigin Vite plugin: `vite dev` and `vite preview` forward the routes of
 * `sameorigin.config.*` (and of `options`, merged over the file) to the backend, so the browser only
 * ever talks to the dev server's origin.
 *
 * The config is loaded once per server, when Vite has resolved its own (`root`, `mode` and `envDir`
 * come from Vite); an invalid config fails the server's start with every problem listed. Then it is
 * watched: an edit of the config file or of an env file it reads applies to the next request, and a
 * bad edit keeps the last good config (see `watchRoutes`). Builds do not load it.
 *
 * Both servers serve the inspector at `/__sameorigin/`; `vite dev` also adds the report client to
 * every HTML page (a `<script>` first in `<head>`), which reports the calls the browser blocks to the
 * dev server. `inspector: false` in the config turns both off; a build never has either.
 * @example
 * // vite.config.ts
 * import { defineConfig } from 'vite'
 * import sameorigin from '@sameorigin/vite'
 *
 * export default defineConfig({
 *   plugins: [sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })],
 * })
 */
export function sameorigin(options: SameOriginOptions = {}): Plugin {
  let resolved: ResolvedConfig | undefined
  let host: LoadHostConfigOptions = {}
  // Engines mounted in middleware mode, with their server's environments: Vite has no http server
  // there whose `close` event we could watch, so they close when Vite closes that server's plugin
  // pipeline (`buildEnd`, run in each environment). Vite's restart builds the new server (with this
  // same plugin, for inline plugins) before it closes the old one: only the old one's engine closes.
  const closeWithPipeline = new Map<() => void, ReadonlySet<unknown>>()
  // The config each server serves now (live edits included), by the server's Vite config: the dev
  // server's decides whether its pages get the report client. (The server `configureServer` receives is
  // a proxy of the one `transformIndexHtml` sees; both have the same `config`.)
  const serving = new WeakMap<object, ResolvedConfig>()

  const mount = async (
    server: ViteDevServer | PreviewServer,
    kind: 'dev' | 'preview',
  ): Promise<() => void> => {
    // Vite always runs configResolved before these hooks; this only guards against calling them by hand.
    if (resolved === undefined)
      throw new Error(`[sameorigin] ${kind} server configured before its config was resolved`)
    serving.set(server.config, resolved)
    const { place, watching } = mountProxy(server, {
      resolved,
      kind,
      onUpdate: (next) => serving.set(server.config, next),
      source: { options, host },
      onClose: (cleanup) =>
        closeWithPipeline.set(
          cleanup,
          new Set('environments' in server ? Object.values(server.environments) : []),
        ),
    })
    await watching
    return place
  }

  return {
    name: 'sameorigin:proxy',
    // `serve` covers `vite dev` and `vite preview`: a build neither needs the routes nor fails over them.
    apply: 'serve',
    async configResolved(config) {
      host = {
        root: config.root,
        mode: config.mode,
        // `envDir: false` turns off Vite's env files only; sameorigin then reads them next to its config.
        envDir: typeof config.envDir === 'string' ? config.envDir : undefined,
      }
      resolved = await loadHostConfig(options, host)
    },
    configureServer(server) {
      return mount(server, 'dev')
    },
    configurePreviewServer(server) {
      return mount(server, 'preview')
    },
    // Vite runs it for the dev server's pages only: `vite preview` serves the built files as they are.
    transformIndexHtml(_html, context) {
      const config = context.server === undefined ? undefined : serving.get(context.server.config)
      if (config === undefined || config.inspector === false) return []
      return [{ tag: 'script', attrs: { src: REPORT_CLIENT_PATH }, injectTo: 'head-prepend' }]
    },
    buildEnd() {
      const { environment } = this
      for (const [cleanup, environments] of closeWithPipeline) {
        if (!environments.has(environment)) continue
        closeWithPipeline.delete(cleanup)
        cleanup()
      }
    },
  }
}
