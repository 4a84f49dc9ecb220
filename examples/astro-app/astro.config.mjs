import node from '@astrojs/node'
import sameorigin from '@sameorigin/astro'
import { defineConfig } from 'astro/config'

// The backend's own origin, for the "Without the proxy" panel (the same API_TARGET sameorigin.config.ts reads).
const backendOrigin = new URL(process.env.API_TARGET ?? 'http://127.0.0.1:4020').origin

export default defineConfig({
  adapter: node({ mode: 'standalone' }),
  integrations: [sameorigin()],
  devToolbar: { enabled: false },
  vite: {
    define: { 'import.meta.env.PUBLIC_BACKEND_ORIGIN': JSON.stringify(backendOrigin) },
  },
})
