import type { ResolvedRoute } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'
import { escapeRe2 } from './escape-re2.ts'
import { escapeReplacement } from './escape-replacement.ts'
import type { CaddyPathPlan } from './to-path-plan.ts'
import { toOriginRegex } from './to-origin-regex.ts'

/**
 * `header_down` lines rewriting `Location` and `Content-Location` as the engine does: a URL on the
 * target's origin becomes an origin-relative reference on the app (`https://s/v1/login?x` →
 * `/api/login?x`), its path taken back through the route when it is under the upstream prefix, kept
 * otherwise; a relative reference is made origin-relative from the app's request path. Caddy applies
 * a field's replacements in order, each to the previous one's result. A path
 * that would start with `//` is left absolute, so it never reads as a reference to another host.
 */
export function toLocationRewrites(route: ResolvedRoute, plan: CaddyPathPlan): string[] {
  const target = toOriginRegex(new URL(route.target.origin))
  // A relative reference (`settings`, `../x`) resolves against the request: the app's request path's
  // folder is where the browser would resolve it too, written out as the engine writes it.
  const rules: [string, string][] = plan.reverseLost
    ? []
    : [[String.raw`^([^/?#\:][^/?#:]*(?:[/?#].*)?)$`, '{http.request.orig_uri.path.dir}$1']]
  if (plan.reverse !== undefined) {
    const upstream = escapeRe2(plan.reverse.upstream)
    const app = escapeReplacement(plan.reverse.app)
    if (app === '') {
      rules.push([`^(?:${target})?${upstream}(/(?:[^/?#\\\\][^?#]*)?)([?#].*)?$`, '$1$2'])
      rules.push([`^(?:${target})?${upstream}([?#].*)?$`, '/$1'])
    } else rules.push([`^(?:${target})?${upstream}(/[^?#]*)?([?#].*)?$`, `${app}$1$2`])
  }
  rules.push([`^${target}(/(?:[^/\\\\].*)?)$`, '$1'], [`^${target}([?#].*)?$`, '/$1'])
  return ['Location', 'Content-Location'].flatMap((field) =>
    rules.map(([find, replace]) => `header_down ${field} ${caddyToken(find)} ${caddyToken(replace)}`),
  )
}
