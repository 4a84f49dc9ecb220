import {
  findMember,
  findReturns,
  createFunctionScope,
  isFunctionNode,
  markChanged,
  removeMember,
  unwrapTypeScript,
} from './ast.ts'
import type { ArrayExpression, ObjectExpression, ObjectMember } from './ast.ts'
import type { ProxyContext, ProxyEntries, ProxyEntry } from './proxy-entry.ts'
import { resolveContainer, stuck } from './proxy-entry.ts'
import { collectComments } from './entry-comments.ts'
import { readStaticValue } from './read-static-value.ts'
import type { RewriteGroup } from './translate-next-rewrite.ts'
import { nextRewriteMatches, translateNextRewrite } from './translate-next-rewrite.ts'

/** Next's `rewrites()`: the entries of the literal it returns, by group. */
export function findNextRewrites(config: ObjectExpression, context: ProxyContext): ProxyEntries {
  const none: ProxyEntries = { entries: [], tidy: () => false }
  const member = findMember(config, 'rewrites')
  if (member === undefined || member.type === 'SpreadElement') return none
  const fn = member.type === 'ObjectMethod' ? member : unwrapTypeScript(member.value)
  if (!isFunctionNode(fn))
    return { ...none, entries: [stuck('rewrites', 'rewrites is not a function written in the config')] }
  const returns = fn.body.type === 'BlockStatement' ? findReturns(fn) : []
  const returned = fn.body.type === 'BlockStatement' ? returns[0]?.argument : fn.body
  if (returned == null || returns.length > 1)
    return { ...none, entries: [stuck('rewrites()', 'rewrites() does not return one literal')] }
  const scope = createFunctionScope(fn, context.scope)
  const value = resolveContainer(returned, scope)
  if (value === undefined)
    return {
      ...none,
      entries: [stuck('rewrites()', 'rewrites() returns a value computed when the config runs')],
    }
  const settings = ['basePath', 'i18n'].filter((key) => findMember(config, key) !== undefined)

  const groups: { group: RewriteGroup; label: string; array: ArrayExpression; member?: ObjectMember }[] = []
  const entries: ProxyEntry[] = []
  if (value.node.type === 'ArrayExpression') {
    // An array is afterFiles: Next tries it after the app's pages and files.
    groups.push({ group: 'afterFiles', label: 'rewrites()', array: value.node })
  } else {
    for (const group of ['beforeFiles', 'afterFiles', 'fallback'] as const) {
      const groupMember = findMember(value.node, group)
      if (groupMember === undefined) continue
      const array = groupMember.type === 'ObjectProperty' ? unwrapTypeScript(groupMember.value) : undefined
      if (array?.type !== 'ArrayExpression') {
        entries.push(stuck(`rewrites().${group}`, `${group} is computed when the config runs`))
        continue
      }
      groups.push({ group, label: `rewrites().${group}`, array, member: groupMember })
    }
  }
  const inner: ProxyContext = { ...context, scope: value.scope }
  for (const { group, label, array } of groups) {
    array.elements.forEach((element, index) => {
      const from = `${label}[${index}]`
      if (element === null || element.type === 'SpreadElement') {
        entries.push(stuck(from, 'it is computed when the config runs'))
        return
      }
      const remove = (): void => {
        const at = array.elements.indexOf(element)
        if (at !== -1) array.elements.splice(at, 1)
        markChanged(array)
        context.changed.add(array)
      }
      const read = readStaticValue(element, inner.code, inner.scope)
      if ('problem' in read) {
        entries.push({ ...stuck(from, read.problem), remove })
        return
      }
      const translation =
        settings.length > 0
          ? {
              reason: `the config sets ${settings.join(' and ')}, which changes the paths a rewrite's source matches`,
            }
          : translateNextRewrite(read.value, group, context.root)
      const source = (read.value as { source?: unknown } | null)?.source
      entries.push({
        from,
        translation,
        matches: nextRewriteMatches(read.value),
        paths: typeof source === 'string' ? [source] : [],
        remove,
        comments: collectComments(element),
      })
    })
  }
  const tidy = (): boolean => {
    const container = value.node
    for (const { array, member: groupMember } of groups) {
      if (array.elements.length === 0 && groupMember !== undefined && container.type === 'ObjectExpression') {
        removeMember(container, groupMember)
        context.changed.delete(array)
        context.changed.add(container)
      }
    }
    const empty =
      container.type === 'ArrayExpression'
        ? container.elements.length === 0
        : container.properties.length === 0
    // Only a function that does nothing but return the literal goes away with it.
    const onlyReturns = fn.body.type !== 'BlockStatement' || fn.body.body.length === 1
    if (!empty || !onlyReturns || value.viaConstant) return false
    removeMember(config, member)
    context.changed.delete(container)
    return true
  }
  return { entries, tidy }
}
