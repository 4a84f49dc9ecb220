// The public API of @sameorigin/rsbuild, listed by name. Rsbuild plugins are named imports by
// convention (`import { pluginReact } from '@rsbuild/plugin-react'`), so there is no default export.
export { PLUGIN_SAMEORIGIN_NAME, pluginSameOrigin } from './plugin.ts'
export type { SameOriginOptions } from './options.ts'
