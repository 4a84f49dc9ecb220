import type { Colors } from 'picocolors/types'
import type { CorsPolicy, ObservedRequest, PolicyPart, SkippedEntry } from './types.ts'

const TITLES: Readonly<Record<PolicyPart, string>> = {
  origins: 'Origins (Access-Control-Allow-Origin)',
  methods: 'Methods (Access-Control-Allow-Methods)',
  headers: 'Request headers (Access-Control-Allow-Headers)',
  credentials: 'Credentials (Access-Control-Allow-Credentials)',
  expose: 'Readable response headers (Access-Control-Expose-Headers)',
  'max-age': 'Preflight cache (Access-Control-Max-Age)',
  vary: 'Caches',
}

/**
 * What `sameorigin cors-policy` prints: the calls it learned from and the ones it skipped, then each
 * part of the policy with every value decided (`✓`), every one left out (`·`, `not …`) and why.
 */
export function formatPolicy(
  policy: CorsPolicy,
  learned: { readonly requests: readonly ObservedRequest[]; readonly skipped: readonly SkippedEntry[] },
  colors: Colors,
): string {
  const { bold, dim, green } = colors
  const sources = [...new Set(learned.requests.map((request) => request.source))]
  const lines = [
    bold(
      `CORS policy for ${policy.mode}, learned from ${learned.requests.length} call(s) in ${sources.join(', ') || '(no recording)'}`,
    ),
  ]
  for (const entry of learned.skipped) lines.push(dim(`  skipped ${entry.method} ${entry.url}: ${entry.why}`))
  for (const part of Object.keys(TITLES) as PolicyPart[]) {
    const reasons = policy.reasons.filter((reason) => reason.part === part)
    if (reasons.length === 0) continue
    lines.push('', bold(TITLES[part]))
    for (const { value, why } of reasons) {
      const out = value.startsWith('not ')
      lines.push(out ? dim(`  · ${value}: ${why}`) : `  ${green('✓')} ${value}: ${dim(why)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
