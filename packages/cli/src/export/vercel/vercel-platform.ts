import type { PlatformProxy } from '../find-platform-losses.ts'

/**
 * What Vercel's rewrites to an external URL carry: transforms set and remove request and response
 * headers; the rest of what the engine does needs code running the engine.
 */
export const vercelPlatform: PlatformProxy = {
  name: 'Vercel',
  instead:
    "sameorigin export cloudflare (a Worker running the engine), or Vercel Routing Middleware (middleware.ts) answering with createFetchProxy(config) from '@sameorigin/core/fetch'",
  // Vercel compiles rewrites into routes without `caseSensitive`: their `src` matches in any case.
  caseWhy: 'Vercel matches rewrite sources without regard to case (/API/x like /api/x)',
  setsRequestHeaders: true,
  removesRequestHeaders: true,
  responseHeaders: true,
  timeoutWhy: "Vercel's proxy applies its own limits to external rewrites, the same for every route",
}
