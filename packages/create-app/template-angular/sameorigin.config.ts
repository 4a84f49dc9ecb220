import { defineConfig } from '@sameorigin/angular'

// The routes the dev server forwards to your backend instead of answering itself. The page calls
// /api on its own origin, so the browser never makes a cross-origin request and needs no CORS.
export default defineConfig({
  routes: {
    // API_TARGET comes from .env (or .env.local, or the environment).
    '/api': '${API_TARGET}',
  },
})
