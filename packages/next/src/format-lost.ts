import type { LostBehaviour } from './lost-behaviour.ts'

/**
 * The startup report of what the rewrites do not carry, grouped by behaviour so a default that every
 * route shares (cookie rewriting) is one line, and ending with the way out: the route handler.
 */
export function formatLost(lost: readonly LostBehaviour[]): string | undefined {
  if (lost.length === 0) return undefined
  const byBehaviour = new Map<string, string[]>()
  for (const item of lost) {
    const key = item.skipped ? `not forwarded: ${item.behaviour}` : `lost: ${item.behaviour}`
    byBehaviour.set(key, [...(byBehaviour.get(key) ?? []), item.route])
  }
  const lines = [...byBehaviour].map(([what, routes]) => `  - ${what} (${routes.join(', ')})`)
  return [
    'sameorigin: Next rewrites cannot carry everything these routes do:',
    ...lines,
    "  For all of it, serve them with the route handler: withSameOrigin(config, { mode: 'route' }) and",
    "  app/api/[...path]/route.ts: export { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } from '@sameorigin/next/route'",
  ].join('\n')
}
