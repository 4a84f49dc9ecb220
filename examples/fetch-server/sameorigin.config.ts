import { defineConfig } from '@sameorigin/core'

export default defineConfig({
  routes: {
    // The demo backend; point API_TARGET at your staging backend in .env.local instead.
    '/api': '${API_TARGET:-http://127.0.0.1:4020}',
  },
})
