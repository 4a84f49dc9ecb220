import type { Plugin } from 'vite'
import type { Options } from './types.ts'
import { sameoriginUnplugin } from './unplugin.ts'

/**
 * The Vite plugin (`import sameorigin from 'unplugin-sameorigin/vite'`): the same plugin as
 * `@sameorigin/vite`, through the unplugin factory.
 * @example
 * // vite.config.ts
 * import sameorigin from 'unplugin-sameorigin/vite'
 * export default defineConfig({ plugins: [sameorigin({ routes: { '/api': 'http://127.0.0.1:8080' } })] })
 */
const vite: (options?: Options) => Plugin = sameoriginUnplugin.vite

export default vite
