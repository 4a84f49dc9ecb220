// @ts-check
import node from '@astrojs/node'
import sameorigin from '@sameorigin/astro'
import { defineConfig } from 'astro/config'

// https://astro.build/config
export default defineConfig({
  // Pages that set `prerender = false` (src/pages/ssr.astro) are rendered per request by this server.
  adapter: node({ mode: 'standalone' }),
  // sameorigin() reads sameorigin.config.ts: the routes answer the browser's requests in `astro dev`,
  // and Astro.locals.serverFetch in pages and endpoints, with the page request's cookies.
  integrations: [sameorigin()],
})
