import type { SameOriginOptions } from '@sameorigin/core'
import type { CompilerLike, DevServerConfig } from './dev-server.ts'
import { withSameOrigin } from './with-same-origin.ts'

/** A webpack-dev-server 6 instance used as a plugin: its options are its own copy of `devServer`. */
interface DevServerPlugin {
  options: DevServerConfig
}

/**
 * Whether a plugin is a webpack-dev-server 6 instance: webpack-cli 7 builds it from the config's
 * `devServer` before any plugin is applied and appends it to `plugins` (users can add one themselves
 * too). Recognised by its options schema, which every webpack-dev-server carries as `Server.schema`.
 */
function isDevServerPlugin(plugin: unknown): plugin is DevServerPlugin {
  if (typeof plugin !== 'object' || plugin === null) return false
  const schema = (plugin.constructor as { schema?: { title?: unknown } }).schema
  return schema?.title === 'Dev Server options' && typeof (plugin as DevServerPlugin).options === 'object'
}

/**
 * Mounts sameorigin in the dev server of `compiler` (webpack or Rspack). Two ways in, so every way of
 * starting a dev server gets it:
 * - `compiler.options.devServer` becomes `withSameOrigin(devServer)`: read after the plugins are applied
 *   by webpack-cli with webpack-dev-server 5, by `rspack serve` and by `new DevServer(compiler.options.devServer, compiler)`;
 * - webpack-dev-server 6 instances among the plugins (webpack-cli 7 builds one from a copy of `devServer`
 *   before plugins are applied, so the first change never reaches it) get `withSameOrigin(options)`
 *   in place of their options. They read them only when the first watch run sets the server up.
 * `devServer: false` is left alone.
 */
export function applySameOrigin(compiler: CompilerLike, options: SameOriginOptions = {}): void {
  const { devServer } = compiler.options
  if (devServer !== false) {
    compiler.options.devServer = withSameOrigin(devServer as DevServerConfig | undefined, options)
  }
  for (const plugin of compiler.options.plugins ?? []) {
    if (isDevServerPlugin(plugin)) plugin.options = withSameOrigin(plugin.options, options)
  }
}

/**
 * The sameorigin plugin for webpack and Rspack: `webpack serve` (webpack-dev-server 5 and 6) and
 * `rspack serve` forward the routes of `sameorigin.config.*` (and of `options`, merged over the file)
 * to the backend, so the browser only ever talks to the dev server's origin. Builds ignore it.
 * @example
 * // webpack.config.js / rspack.config.js
 * import { SameOriginPlugin } from '@sameorigin/webpack'
 * export default { plugins: [new SameOriginPlugin({ routes: { '/api': 'http://127.0.0.1:3000' } })] }
 */
export class SameOriginPlugin {
  /** The plugin's name in webpack's stats and hooks. */
  readonly name: string = 'sameorigin:proxy'
  readonly #options: SameOriginOptions

  constructor(options: SameOriginOptions = {}) {
    this.#options = options
  }

  apply(compiler: CompilerLike): void {
    applySameOrigin(compiler, this.#options)
  }
}
