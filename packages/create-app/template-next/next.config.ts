import { withSameOrigin } from '@sameorigin/next'

// withSameOrigin() reads sameorigin.config.ts. `mode: 'route'` leaves /api to the route handler in
// app/api/[...path]/route.ts, which carries everything (cookies, redirects, streams); without it,
// routes become native Next rewrites, which cannot rewrite cookies or redirects.
export default withSameOrigin({ reactStrictMode: true }, { mode: 'route' })
