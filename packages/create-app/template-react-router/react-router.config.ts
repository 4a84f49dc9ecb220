import type { Config } from '@react-router/dev/config'

export default {
  // Server-side render by default: loaders run on the server (app/routes/ssr.tsx).
  ssr: true,
} satisfies Config
