import { isDeepStrictEqual } from 'node:util'
import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core/rules'
import { splitRewriteQuery } from '@sameorigin/core/rules'
import { findPlatformLosses } from '../find-platform-losses.ts'
import type { ExportLoss } from '../types.ts'
import { netlifyPlatform } from './netlify-platform.ts'
import { toNetlifyPaths } from './to-netlify-paths.ts'
import type { NetlifyRedirect } from './types.ts'

/** Why a route gets no rule: its matching is more than a Netlify path can say. */
function matchingProblem(route: ResolvedRoute): string | undefined {
  if (route.kind === 'regexp') return 'a RegExp path has no Netlify equivalent'
  if (route.methods !== undefined) return 'Netlify rules cannot match on the method (methods)'
  if (route.matchHeaders !== undefined)
    return 'Netlify rules cannot match on request headers (matchHeaders): their conditions are country, language, role and cookie'
  if (route.rewriteIsFunction) return 'a function rewrite cannot run in a rule'
  return undefined
}

/** The losses of a route Netlify forwards: the platform's, and the rewrite's query merge. */
function routeLosses(route: ResolvedRoute): ExportLoss[] {
  const lost = findPlatformLosses(route, netlifyPlatform)
  const query = splitRewriteQuery(route.rewriteTemplate ?? '').query
  if (query !== '' && query !== '?')
    lost.push({
      route: route.id,
      behaviour: `the rewrite's query merged with the request's (${query})`,
      why: "Netlify passes the request's query on, and does not document how it combines with a query in `to`",
      instead: netlifyPlatform.instead,
    })
  return lost
}

/** The fixed request headers a rule can set (removals are a loss: a rule cannot remove one). */
function toHeaders(route: ResolvedRoute): Record<string, string> | undefined {
  const set = Object.entries(route.headers).filter((entry): entry is [string, string] => entry[1] !== null)
  return set.length === 0 ? undefined : Object.fromEntries(set)
}

/**
 * The config's routes as forced proxy rules (`status = 200`, `force = true`: they apply even where
 * the deploy has a file), in declaration order (Netlify takes the first rule that matches, as the
 * engine takes the first route). Every route without a rule, and every behaviour a rule drops, is a loss.
 */
export function toNetlifyRedirects(config: ResolvedConfig): {
  redirects: NetlifyRedirect[]
  losses: ExportLoss[]
} {
  const redirects: NetlifyRedirect[] = []
  const losses: ExportLoss[] = []
  for (const route of config.routes) {
    const problem = matchingProblem(route)
    const paths = problem === undefined ? toNetlifyPaths(route) : { skipped: problem }
    if (paths.pairs === undefined) {
      losses.push({
        route: route.id,
        behaviour: 'not forwarded at all',
        why: paths.skipped,
        instead: netlifyPlatform.instead,
      })
      continue
    }
    const headers = toHeaders(route)
    for (const pair of paths.pairs) {
      const redirect: NetlifyRedirect = {
        from: pair.from,
        to: `${route.target.origin}${pair.to}`,
        status: 200,
        force: true,
        ...(headers === undefined ? {} : { headers }),
      }
      // Netlify's parser keeps the last of identical rules, which would move it after the rules
      // between them; the later copy never matches anything (the first takes all its requests).
      if (!redirects.some((earlier) => isDeepStrictEqual(earlier, redirect))) redirects.push(redirect)
    }
    losses.push(...routeLosses(route))
  }
  if (redirects.length > 0)
    losses.unshift({
      route: undefined,
      behaviour: 'a trailing slash kept apart',
      why: 'Netlify matches a rule with or without a trailing slash: /api/ is forwarded as /api, /users/42/ as /users/42',
    })
  return { redirects, losses }
}
