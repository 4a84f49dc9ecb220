import { sameorigin } from '@sameorigin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  // sameorigin() reads sameorigin.config.ts and forwards its routes in `vite` and `vite preview`.
  plugins: [react(), sameorigin()],
})
