import { defineConfig } from '@rsbuild/core'
import { pluginReact } from '@rsbuild/plugin-react'
import { pluginSameOrigin } from '@sameorigin/rsbuild'

export default defineConfig({
  // pluginSameOrigin() reads sameorigin.config.ts and forwards its routes in `rsbuild dev` and `rsbuild preview`.
  plugins: [pluginReact(), pluginSameOrigin()],
  html: { title: 'Rsbuild + React + sameorigin' },
})
