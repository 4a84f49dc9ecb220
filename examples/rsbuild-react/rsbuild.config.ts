import { fileURLToPath } from 'node:url'
import { defineConfig } from '@rsbuild/core'
import { pluginReact } from '@rsbuild/plugin-react'
import { loadEnv } from '@sameorigin/core'
import { pluginSameOrigin } from '@sameorigin/rsbuild'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig(({ env }) => {
  // The backend's own origin, for the page's "call the backend directly" button: the same API_TARGET
  // sameorigin.config.ts reads (process environment first, then the .env files), and the same default.
  const mode = env === 'production' ? 'production' : 'development'
  const backendOrigin = new URL(loadEnv(mode, root).env.API_TARGET || 'http://127.0.0.1:4020').origin

  return {
    // pluginSameOrigin() reads sameorigin.config.ts and mounts the proxy in `rsbuild dev` and `rsbuild preview`.
    plugins: [pluginReact(), pluginSameOrigin()],
    source: {
      entry: { index: './src/main.tsx' },
      define: { 'process.env.BACKEND_ORIGIN': JSON.stringify(backendOrigin) },
    },
    // `@page/*` (the panels shared with examples/vite-react) comes from tsconfig.json's `paths`, which
    // Rsbuild applies itself; one React for this app and those panels, whichever node_modules they see.
    resolve: { dedupe: ['react'] },
    html: { title: 'sameorigin · Rsbuild + React' },
    server: { port: 3000 },
  }
})
