// Next 16 `rewrites()` to an external URL, served by a real `next dev` (lib/start-next-dev.mjs).

import { startNextDev } from '../lib/start-next-dev.mjs'

/** @param {{ upstream: string, workdir: string }} options */
export function start({ upstream, workdir }) {
  const destination = JSON.stringify(`${upstream}/api/:path*`)
  return startNextDev(workdir, {
    'next.config.mjs': `export default { async rewrites() { return [{ source: '/api/:path*', destination: ${destination} }] } }\n`,
  })
}
