import { fileURLToPath } from 'node:url'
import { sameorigin } from '@sameorigin/sveltekit'
import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig, loadEnv } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig(({ mode }) => {
  // The backend's own origin, for the page's "call the backend directly" button: the same API_TARGET
  // sameorigin.config.ts reads (process environment first, then the .env files), and the same default.
  const env = loadEnv(mode, root, '')
  const backendOrigin = new URL(env.API_TARGET || 'http://127.0.0.1:4020').origin

  return {
    // sameorigin() after sveltekit(): the browser's /api requests (websockets included) in `vite dev`
    // and `vite preview`. src/hooks.server.ts serves the same routes to load functions' fetch.
    plugins: [sveltekit(), sameorigin()],
    define: { 'import.meta.env.VITE_BACKEND_ORIGIN': JSON.stringify(backendOrigin) },
    server: { port: 5173 },
  }
})
