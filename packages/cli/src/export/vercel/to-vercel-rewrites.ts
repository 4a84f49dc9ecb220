import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core/rules'
import { splitRewriteQuery } from '@sameorigin/core/rules'
import { translateRoute } from '@sameorigin/next'
import { findPlatformLosses } from '../find-platform-losses.ts'
import type { ExportLoss } from '../types.ts'
import { toVercelTransforms } from './to-vercel-transforms.ts'
import type { VercelRewrite } from './types.ts'
import { vercelPlatform } from './vercel-platform.ts'
import { withEmptySplats } from './with-empty-splats.ts'

/** Why a route gets no rewrite, in Vercel's terms where the cause is one of the route's options. */
function skipReason(route: ResolvedRoute, translatorReason: string): string {
  if (route.kind === 'regexp') return 'a RegExp path has no rewrite source equivalent'
  if (route.methods !== undefined) return 'Vercel rewrites cannot match on the method (methods)'
  if (route.rewriteIsFunction) return 'a function rewrite cannot run in a rewrite'
  return `its matching does not translate to a rewrite source: ${translatorReason}`
}

/** The losses of a route Vercel forwards: the platform's, and the rewrite's query merge. */
function routeLosses(route: ResolvedRoute): ExportLoss[] {
  const lost = findPlatformLosses(route, vercelPlatform)
  const query = splitRewriteQuery(route.rewriteTemplate ?? '').query
  if (query !== '' && query !== '?')
    lost.push({
      route: route.id,
      behaviour: `the rewrite's query winning (${query})`,
      why: "Vercel adds the request's query to the destination's, the request's value winning for a name both set",
      instead: vercelPlatform.instead,
    })
  return lost
}

/**
 * The config's routes as `vercel.json` rewrites, in declaration order (Vercel takes the first that
 * matches, as the engine does). The path translation is the one proved for Next (Vercel compiles the
 * same path-to-regexp sources with `has` / `missing`), plus a rewrite for each empty zero-or-more
 * parameter; headers ride on each rewrite's `transforms`. Every route without a rewrite, and every
 * behaviour a rewrite drops, is a loss.
 */
export function toVercelRewrites(config: ResolvedConfig): {
  rewrites: VercelRewrite[]
  losses: ExportLoss[]
} {
  const rewrites: VercelRewrite[] = []
  const losses: ExportLoss[] = []
  for (const route of config.routes) {
    const translated = translateRoute(route)
    if (translated.skipped !== undefined) {
      losses.push({
        route: route.id,
        behaviour: 'not forwarded at all',
        why: skipReason(route, translated.skipped),
        instead: vercelPlatform.instead,
      })
      continue
    }
    const transforms = toVercelTransforms(route)
    for (const rewrite of translated.rewrites.flatMap(withEmptySplats))
      rewrites.push({
        source: rewrite.source,
        destination: rewrite.destination,
        ...(rewrite.has === undefined ? {} : { has: rewrite.has }),
        ...(rewrite.missing === undefined ? {} : { missing: rewrite.missing }),
        ...(transforms.length === 0 ? {} : { transforms }),
      })
    losses.push(...routeLosses(route))
  }
  if (rewrites.length > 0)
    losses.unshift({
      route: undefined,
      behaviour: "routes before the app's own files",
      why: 'Vercel applies rewrites after its filesystem: a deployed file at a routed path is served instead of being forwarded',
    })
  return { rewrites, losses }
}
