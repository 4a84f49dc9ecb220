import type { ObjectExpression } from './ast.ts'
import { findMember, propertyKeyName, unwrapTypeScript } from './ast.ts'
import type { ProxyContext, ProxyEntry } from './proxy-entry.ts'
import { resolveContainer, stuck } from './proxy-entry.ts'
import { quoteKey, readObjectMember } from './read-keyed-entries.ts'
import type { StaticValue } from './read-static-value.ts'
import { EnvString, isStaticObject } from './read-static-value.ts'
import type { Translation } from './route-draft.ts'
import { finishRoute, isLiteralPath, targetMayHavePath, toPrefix } from './route-draft.ts'

/** Why a `routeRules` proxy stays where it is. */
const ROUTE_RULE_REASON =
  "route rules proxy in the built app too, and sameorigin's routes serve development only; for development alone, write its route in the sameorigin config and delete the rule"

/**
 * Translates one entry of Nuxt's `nitro.devProxy` (`'/api': 'http://…'` or `'/api': { target, … }`).
 * Nitro mounts each key as a prefix and sends what follows it below the target's path
 * (`/api/users` → `http://b/users`, or `http://b/v1/users` for a target `http://b/v1`): a sameorigin
 * prefix route maps its prefix onto a target's path the same way, and a target without a path gets
 * the rewrite that drops the prefix. The options are httpxy's, which the core reads or refuses by name.
 */
export function translateNitroEntry(key: string, value: StaticValue): Translation {
  if (!isLiteralPath(key))
    return {
      reason: `the key '${key}' would read as a pattern in sameorigin (\`:\`, \`*\`, \`?\` or brackets)`,
    }
  let options: Record<string, StaticValue>
  if (typeof value === 'string' || value instanceof EnvString) options = { target: value }
  else if (isStaticObject(value)) options = { ...value }
  else return { reason: 'the entry is neither a target URL nor an options object' }
  // A literal target with a path already says where the rest goes; any other needs the rewrite
  // (`/:path*` lands below a target's path as well, so it is right for a variable target too).
  const literalWithPath = typeof options.target === 'string' && targetMayHavePath(options.target)
  if (!literalWithPath && toPrefix(key) !== '') options.rewrite = '/:path*'
  return finishRoute(key, options)
}

/** Nitro's test for whether a dev proxy key takes a path: a plain string prefix (h3's `use`). */
export function nitroEntryMatches(key: string): (path: string) => boolean {
  return (path) => path.startsWith(key)
}

/**
 * The `proxy` rules of Nuxt's `routeRules` and `nitro.routeRules`, as entries that stay: they also
 * proxy in the built app, where sameorigin's routes do not run. They are listed (with the reason) so
 * the user sees them, and so a moved entry never takes their paths first.
 */
export function findRouteRules(config: ObjectExpression, context: ProxyContext): ProxyEntry[] {
  const nitro = readObjectMember(config, 'nitro', context)
  return [
    ...readRules(config, 'routeRules', context),
    ...(nitro === undefined
      ? []
      : readRules(nitro.object, 'nitro.routeRules', { ...context, scope: nitro.scope })),
  ]
}

function readRules(object: ObjectExpression, label: string, context: ProxyContext): ProxyEntry[] {
  const member = findMember(object, label.split('.').at(-1) as string)
  if (member?.type !== 'ObjectProperty') return []
  const rules = resolveContainer(member.value, context.scope)
  if (rules === undefined || rules.node.type !== 'ObjectExpression') return []
  const entries: ProxyEntry[] = []
  for (const property of rules.node.properties) {
    const key = propertyKeyName(property)
    if (key === undefined || property.type !== 'ObjectProperty') continue
    const rule = resolveContainer(unwrapTypeScript(property.value), rules.scope)
    if (rule?.node.type !== 'ObjectExpression' || findMember(rule.node, 'proxy') === undefined) continue
    const prefix = key.replace(/\/\*\*$/, '')
    const entry = stuck(`${label}[${quoteKey(key)}].proxy`, ROUTE_RULE_REASON)
    const matches = key.endsWith('/**')
      ? (path: string) => path === prefix || path.startsWith(`${prefix}/`)
      : (path: string) => path === key
    entries.push({ ...entry, matches, paths: [prefix === '' ? '/' : prefix] })
  }
  return entries
}
