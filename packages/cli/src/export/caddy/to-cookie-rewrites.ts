import { caddyToken } from './caddy-token.ts'
import { escapeRe2 } from './escape-re2.ts'
import { escapeReplacement } from './escape-replacement.ts'
import type { CaddyPathPlan } from './to-path-plan.ts'

/** The engine's mark on a `__Secure-` / `__Host-` / `__Http-` cookie's name on a plain-http origin. */
const MARKER = 'sameorigin-'

/**
 * `header_down Set-Cookie` lines (Caddy applies them to every `Set-Cookie` of the answer, in order)
 * and `header_up Cookie` lines doing what the engine does to cookies: `Domain` dropped (the cookie is
 * for the app's host only), a `Path` under the upstream prefix mapped back to the app's. On a
 * plain-http origin, as the engine does on a plain-http dev server: `Secure` and `Partitioned`
 * dropped, `SameSite=None` lowered to `Lax`, and a prefixed name (`__Secure-`) marked on the way down
 * and unmarked on the way up, since browsers refuse such a cookie without `Secure`. On https these
 * development-only rules are left out: the browser is on the real domain.
 */
export function toCookieRewrites(plan: CaddyPathPlan, secure: boolean): string[] {
  const down: [string, string][] = [[String.raw`^(.*?);\s*(?i:domain)\s*=[^;]*(.*)$`, '$1$2']]
  if (plan.reverse !== undefined) {
    const upstream = escapeRe2(plan.reverse.upstream)
    const app = escapeReplacement(plan.reverse.app === '' ? '/' : plan.reverse.app)
    down.push([String.raw`^(.*?;\s*(?i:path)\s*=\s*)${upstream}(/[^;]*)?(\s*(?:;.*)?)$`, `$1${app}$2$3`])
  }
  const up: string[] = []
  if (!secure) {
    down.push(
      [String.raw`^(.*?);\s*(?i:secure)\s*(;.*)?$`, '$1$2'],
      [String.raw`^(.*?);\s*(?i:partitioned)\s*(;.*)?$`, '$1$2'],
      [String.raw`^(.*?;\s*(?i:samesite)\s*=\s*)(?i:none)(\s*(?:;.*)?)$`, '${1}Lax$2'],
      [String.raw`^\s*(__(?i:secure|host|http)-)`, `${MARKER}$1`],
    )
    const unmark = caddyToken(String.raw`(^|;\s*)` + `${escapeRe2(MARKER)}(__(?i:secure|host|http)-)`)
    up.push(`header_up Cookie ${unmark} $1$2`)
  }
  return [
    ...down.map(([find, replace]) => `header_down Set-Cookie ${caddyToken(find)} ${caddyToken(replace)}`),
    ...up,
  ]
}
