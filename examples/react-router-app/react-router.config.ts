import type { Config } from '@react-router/dev/config'

// Server rendering on (React Router's default): the /ssr route's loader runs on the dev server.
export default {
  ssr: true,
} satisfies Config
