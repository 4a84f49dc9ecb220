import { withSameOrigin } from '@sameorigin/next'
import type { NextConfig } from 'next'

// `SAMEORIGIN_MODE=rewrites` forwards /api with native Next rewrites (no cookie or redirect
// rewriting: the login cannot keep its session); the default is the route handler in
// app/api/[...path]/route.ts, which does everything the Vite plugin does.
const mode = process.env.SAMEORIGIN_MODE === 'rewrites' ? 'rewrites' : 'route'

// Typed as create-next-app writes it: `next build` typechecks this file.
const nextConfig: NextConfig = { reactStrictMode: true }

export default withSameOrigin(nextConfig, { mode })
