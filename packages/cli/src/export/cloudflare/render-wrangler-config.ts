import type { ResolvedRoute } from '@sameorigin/core'
import { toWorkerFirstPaths } from './to-worker-first-paths.ts'

/** The runtime's behaviour the Worker is written for (`Headers.getSetCookie` needs 2025-09-01's). */
const COMPATIBILITY_DATE = '2025-09-01'

/** A Worker's name from the public origin: `https://app.example.com` → `app-example-com`. */
function toWorkerName(origin: URL): string {
  const name = origin.hostname
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return (name || 'sameorigin').slice(0, 63).replace(/-+$/, '')
}

/**
 * The origin's host as the Worker's custom domain, and no `*.workers.dev` address: the Worker's Host
 * check answers the origin's host only. Nothing for a local origin (`localhost`, an IP address).
 */
function toDomainFields(origin: URL): { routes?: object[]; workers_dev?: boolean } {
  const { hostname } = origin
  const local = hostname === 'localhost' || hostname.endsWith('.localhost') || /^[\d.]+$|^\[/.test(hostname)
  if (local) return {}
  return { routes: [{ pattern: hostname, custom_domain: true }], workers_dev: false }
}

/**
 * `wrangler.jsonc` without its header comment: the Worker (`worker.mjs`, which wrangler bundles),
 * and with `staticDir` the app's files as Workers Static Assets: the SPA fallback, the `ASSETS`
 * binding the Worker hands other requests to, and `run_worker_first` for the route paths (an asset
 * never shadows a route). Plain JSON inside, so any JSON reader takes it once the comments are off.
 */
export function renderWranglerConfig(
  origin: URL,
  staticDir: string | undefined,
  routes: readonly ResolvedRoute[],
): string {
  const config = {
    $schema: 'node_modules/wrangler/config-schema.json',
    name: toWorkerName(origin),
    main: 'worker.mjs',
    compatibility_date: COMPATIBILITY_DATE,
    ...toDomainFields(origin),
    ...(staticDir === undefined
      ? {}
      : {
          assets: {
            directory: staticDir,
            binding: 'ASSETS',
            not_found_handling: 'single-page-application',
            run_worker_first: toWorkerFirstPaths(routes),
          },
        }),
  }
  return `${JSON.stringify(config, null, 2)}\n`
}
