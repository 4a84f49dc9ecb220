import { describeRouteOptions } from '../logging/format-route-table.ts'
import type { ResolvedConfig, ResolvedInspector, ResolvedRoute } from '../types.ts'

/** A route as the reload line compares it: its target and every setting the route table shows. */
function describeRoute(route: ResolvedRoute): string {
  const notes = describeRouteOptions(route)
  return `${route.target.href}${notes === '' ? '' : ` (${notes})`}`
}

/**
 * The inspector's part of the reload line: turned off or on, or new sizes (the log keeps the sizes it
 * started with, so those apply from the next start); `undefined` when unchanged.
 */
function describeInspectorChange(was: ResolvedInspector, now: ResolvedInspector): string | undefined {
  if (was === false && now === false) return undefined
  if (now === false) return 'inspector off (no page, no recording, no report of blocked calls)'
  if (was === false) return 'inspector on'
  if (was.capacity === now.capacity && was.bodyLimit === now.bodyLimit) return undefined
  return `inspector capacity ${now.capacity}, bodyLimit ${now.bodyLimit} from the next start (was ${was.capacity}, ${was.bodyLimit})`
}

/**
 * What a reload changed, in one line for the `info` log: routes added, changed (new and old target and
 * settings) and removed, by route key; a new match order; a new `logLevel`; the inspector turned off
 * or on, or resized. Functions (a `rewrite`
 * or `headers` function) count as changed only when one appears or goes: a new function body cannot
 * be told from the old one.
 * @example
 * describeConfigChange(before, after)
 * // 'routes added /v2 → http://127.0.0.1:9000/; changed /api → http://127.0.0.1:8081/ (was http://127.0.0.1:8080/)'
 */
export function describeConfigChange(previous: ResolvedConfig, next: ResolvedConfig): string {
  const before = new Map(previous.routes.map((route) => [route.id, describeRoute(route)]))
  const after = new Map(next.routes.map((route) => [route.id, describeRoute(route)]))
  const added: string[] = []
  const changed: string[] = []
  for (const [id, now] of after) {
    const was = before.get(id)
    if (was === undefined) added.push(`${id} → ${now}`)
    else if (was !== now) changed.push(`${id} → ${now} (was ${was})`)
  }
  const removed = [...before.keys()].filter((id) => !after.has(id))
  const kept = next.routes.map((route) => route.id).filter((id) => before.has(id))
  const keptBefore = previous.routes.map((route) => route.id).filter((id) => after.has(id))
  const parts: string[] = []
  if (added.length > 0) parts.push(`added ${added.join(', ')}`)
  if (changed.length > 0) parts.push(`changed ${changed.join(', ')}`)
  if (removed.length > 0) parts.push(`removed ${removed.join(', ')}`)
  if (kept.join('\0') !== keptBefore.join('\0')) parts.push(`match order now ${kept.join(', ')}`)
  const routes = parts.length === 0 ? 'routes unchanged' : `routes ${parts.join('; ')}`
  const logLevel = previous.logLevel === next.logLevel ? undefined : `logLevel ${next.logLevel}`
  const inspector = describeInspectorChange(previous.inspector, next.inspector)
  return [routes, logLevel, inspector].filter((part) => part !== undefined).join('; ')
}
