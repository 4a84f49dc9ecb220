import { defineConfig } from '@sameorigin/storybook'

export default defineConfig({
  routes: {
    // The demo backend (`pnpm upstream`, port 4020). Point API_TARGET at your staging backend in
    // .env.local instead; `storybook dev` reads the same variables as every other tool.
    '/api': '${API_TARGET:-http://127.0.0.1:4020}',
  },
})
