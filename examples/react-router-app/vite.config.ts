import { fileURLToPath } from 'node:url'
import { reactRouter } from '@react-router/dev/vite'
import { sameorigin } from '@sameorigin/vite'
import { defineConfig, loadEnv } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig(({ mode }) => {
  // The backend's own origin, for the page's "call the backend directly" button: the same API_TARGET
  // sameorigin.config.ts reads (process environment first, then the .env files), and the same default.
  const env = loadEnv(mode, root, '')
  const backendOrigin = new URL(env.API_TARGET || 'http://127.0.0.1:4020').origin

  return {
    // reactRouter() serves the app (SSR and the browser's modules); sameorigin(), after it, reads
    // sameorigin.config.ts and forwards /api in `react-router dev` before React Router sees a request.
    plugins: [reactRouter(), sameorigin()],
    define: { 'import.meta.env.VITE_BACKEND_ORIGIN': JSON.stringify(backendOrigin) },
    // The page's panels and styles are examples/vite-react's: the same page in every example.
    resolve: { alias: { '@page': fileURLToPath(new URL('../vite-react/src', import.meta.url)) } },
    // Loaded by Node, not bundled into the server build: what an installed @sameorigin/vite gets by
    // default (Vite keeps dependencies external); this repository links it, which Vite would bundle.
    ssr: { external: ['@sameorigin/vite'] },
    server: { port: 5173 },
  }
})
