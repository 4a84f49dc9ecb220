import type { ArrayExpression, ObjectExpression, ObjectMember, Scope } from './ast.ts'
import { findMember, propertyKeyName, removeMember } from './ast.ts'
import { collectComments } from './entry-comments.ts'
import type { ProxyContext, ProxyEntry } from './proxy-entry.ts'
import { resolveContainer, stuck } from './proxy-entry.ts'
import type { StaticResult, StaticValue } from './read-static-value.ts'
import { readStaticValue } from './read-static-value.ts'
import type { Translation } from './route-draft.ts'

export function quoteKey(key: string): string {
  return `'${key.replace(/[\\']/g, '\\$&')}'`
}

/** The object a member holds (directly or through a `const`), `undefined` when absent. */
export function readObjectMember(
  object: ObjectExpression,
  key: string,
  context: ProxyContext,
): { object: ObjectExpression; scope: Scope; viaConstant: boolean } | undefined {
  const member = findMember(object, key)
  if (member?.type !== 'ObjectProperty') return undefined
  const resolved = resolveContainer(member.value, context.scope)
  if (resolved === undefined || resolved.node.type !== 'ObjectExpression') return undefined
  return { object: resolved.node, scope: resolved.scope, viaConstant: resolved.viaConstant }
}

/** Entries of an object keyed by path (Vite's `server.proxy`, the legacy `devServer.proxy` form). */
export function readKeyedEntries(
  container: ObjectExpression | ArrayExpression,
  label: string,
  context: ProxyContext,
  translate: (key: string, value: StaticValue) => Translation,
  matcher: (key: string) => ((path: string) => boolean) | undefined,
): ProxyEntry[] {
  if (container.type !== 'ObjectExpression') return [stuck(label, `${label} is not an object of paths`)]
  return container.properties.map((member, index) => {
    const key = propertyKeyName(member)
    if (key === undefined || member.type === 'SpreadElement')
      return stuck(`${label}[${index}]`, 'its key is computed when the config runs')
    const from = `${label}[${quoteKey(key)}]`
    const remove = (): void => {
      removeMember(container, member)
      context.changed.add(container)
    }
    const read = readMemberValue(member, context)
    const translation = 'problem' in read ? { reason: read.problem } : translate(key, read.value)
    const paths = key.startsWith('^') ? [] : [key]
    return { from, translation, matches: matcher(key), paths, remove, comments: collectComments(member) }
  })
}

function readMemberValue(
  member: ObjectMember,
  context: ProxyContext,
): { value: StaticValue } | { problem: string } {
  if (member.type !== 'ObjectProperty') return { problem: 'it is a method' }
  return withTargetHint(readStaticValue(member.value, context.code, context.scope))
}

/** A target computed from variables has an equivalent in the config's `${VAR}` syntax: say so. */
export function withTargetHint(read: StaticResult): StaticResult {
  if (!('problem' in read) || !read.problem.startsWith('target: ')) return read
  return { problem: `${read.problem}; sameorigin.config.ts reads variables itself: target: '\${API_URL}'` }
}
