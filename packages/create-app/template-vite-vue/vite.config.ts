import { sameorigin } from '@sameorigin/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  // sameorigin() reads sameorigin.config.ts and forwards its routes in `vite` and `vite preview`.
  plugins: [vue(), sameorigin()],
})
