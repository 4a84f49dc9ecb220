import { defineConfig } from '@sameorigin/nuxt'

export default defineConfig({
  routes: {
    // The demo backend; `pnpm dev` sets API_TARGET to the one it starts. Point API_TARGET at your
    // staging backend in .env.local instead.
    '/api': '${API_TARGET:-http://127.0.0.1:4020}',
  },
})
