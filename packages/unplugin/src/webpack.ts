import type { WebpackPluginInstance } from 'unplugin'
import type { Options } from './types.ts'
import { sameoriginUnplugin } from './unplugin.ts'

/**
 * The webpack plugin (`import sameorigin from 'unplugin-sameorigin/webpack'`): what
 * `new SameOriginPlugin(options)` of `@sameorigin/webpack` does, through the unplugin factory, for
 * `webpack serve` with webpack-dev-server 5 or 6.
 * @example
 * // webpack.config.js
 * import sameorigin from 'unplugin-sameorigin/webpack'
 * export default { plugins: [sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })] }
 */
const webpack: (options?: Options) => WebpackPluginInstance = sameoriginUnplugin.webpack

export default webpack
