// Next 16 with the @sameorigin/next route handler: `app/api/[...path]/route.js` exports the handlers
// of `createRouteHandler`, and `withSameOrigin(nextConfig, { mode: 'route' })` sets the Next options
// the handler needs (no rewrites for its routes, `compress: false`, ...), as examples/next-app does.
// Routes inline (`configFile: false`), so no sameorigin.config.* of the workspace is read.

import { startNextDev } from '../lib/start-next-dev.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start({ upstream, workdir }) {
  const options = JSON.stringify({ routes: { '/api': upstream }, configFile: false, logLevel: 'warn' })
  return startNextDev(workdir, {
    'next.config.mjs': `import { withSameOrigin } from '@sameorigin/next'\n\nexport default withSameOrigin({}, { mode: 'route', ...${options} })\n`,
    'app/api/[...path]/route.js': `import { createRouteHandler } from '@sameorigin/next/route'\n\nexport const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createRouteHandler(${options})\n`,
  })
}
