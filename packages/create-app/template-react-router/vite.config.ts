import { reactRouter } from '@react-router/dev/vite'
import { sameorigin } from '@sameorigin/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  // sameorigin() after reactRouter(): it reads sameorigin.config.ts and forwards its routes for the
  // browser in `react-router dev`. Loaders reach the same routes with serverFetch (app/routes/ssr.tsx).
  plugins: [reactRouter(), sameorigin()],
})
