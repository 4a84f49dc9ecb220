import { defineConfig } from '@sameorigin/angular'

export default defineConfig({
  routes: {
    // The demo backend; the tests set API_TARGET to the one they start. Point API_TARGET at your
    // staging backend in .env.local instead.
    '/api': '${API_TARGET:-http://127.0.0.1:4020}',
  },
})
