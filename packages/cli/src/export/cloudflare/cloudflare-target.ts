import { toCommentHeader } from '../to-comment-header.ts'
import type { ExportTarget } from '../types.ts'
import { findWorkerLosses } from './find-worker-losses.ts'
import { renderWorker } from './render-worker.ts'
import { renderWranglerConfig } from './render-wrangler-config.ts'

/**
 * `sameorigin export cloudflare`: a Cloudflare Worker running the engine itself (its Fetch
 * transport), so cookies, redirects, Origin, header overrides, timeouts, error answers, path safety
 * and the Host check behave as in development. `worker.mjs` holds the routes as data and
 * `wrangler.jsonc` deploys it (`npx wrangler deploy` bundles `@sameorigin/core/fetch`), with
 * `--static` the app's files as Workers Static Assets with the SPA fallback.
 */
export const cloudflareTarget: ExportTarget = {
  name: 'cloudflare',
  description: 'worker.mjs (the engine, with the routes) and wrangler.jsonc: npx wrangler deploy',
  render(input) {
    const losses = findWorkerLosses(input.config)
    const header = toCommentHeader(input, losses, '//')
    const assets = input.staticDir !== undefined
    return {
      files: [
        { path: 'worker.mjs', content: `${header}${renderWorker(input.config, input.origin, assets)}` },
        {
          path: 'wrangler.jsonc',
          content: `${header}${renderWranglerConfig(input.origin, input.staticDir, input.config.routes)}`,
        },
      ],
      losses,
    }
  },
}
