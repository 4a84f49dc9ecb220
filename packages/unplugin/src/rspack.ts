import type { RspackPluginInstance } from 'unplugin'
import type { Options } from './types.ts'
import { sameoriginUnplugin } from './unplugin.ts'

/**
 * The Rspack plugin (`import sameorigin from 'unplugin-sameorigin/rspack'`): what
 * `new SameOriginPlugin(options)` of `@sameorigin/webpack` does, through the unplugin factory, for
 * `rspack serve` (@rspack/dev-server).
 * @example
 * // rspack.config.mjs
 * import sameorigin from 'unplugin-sameorigin/rspack'
 * export default { plugins: [sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })] }
 */
const rspack: (options?: Options) => RspackPluginInstance = sameoriginUnplugin.rspack

export default rspack
