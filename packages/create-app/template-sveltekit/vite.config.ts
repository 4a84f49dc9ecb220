import adapter from '@sveltejs/adapter-node'
import { sveltekit } from '@sveltejs/kit/vite'
import { sameorigin } from '@sameorigin/sveltekit'
import { defineConfig } from 'vite'

export default defineConfig({
  // sameorigin() reads sameorigin.config.ts and forwards its routes for the browser in `vite dev` and
  // `vite preview`; src/hooks.server.ts does it for load functions' fetch.
  plugins: [sveltekit({ adapter: adapter() }), sameorigin()],
})
