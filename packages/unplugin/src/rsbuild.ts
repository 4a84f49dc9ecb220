import type { RsbuildPlugin } from '@rsbuild/core'
import type { Options } from './types.ts'
import { sameoriginUnplugin } from './unplugin.ts'

/**
 * The Rsbuild plugin (`import sameorigin from 'unplugin-sameorigin/rsbuild'`): what
 * `pluginSameOrigin(options)` of `@sameorigin/rsbuild` does, through the unplugin factory, for
 * `rsbuild dev` and `rsbuild preview`.
 * @example
 * // rsbuild.config.ts
 * import sameorigin from 'unplugin-sameorigin/rsbuild'
 * export default { plugins: [sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })] }
 */
const rsbuild: (options?: Options) => RsbuildPlugin = sameoriginUnplugin.rsbuild

export default rsbuild
