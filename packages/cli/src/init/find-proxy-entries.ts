import type { Tool } from '../project/detect-project.ts'
import type { ArrayExpression, Node, ObjectExpression, ObjectMember, Scope } from './ast.ts'
import { findMember, markChanged, propertyKeyName, removeMember } from './ast.ts'
import { collectComments } from './entry-comments.ts'
import { DEFAULT_STYLE } from './code-style.ts'
import type { ConfigModule } from './config-module.ts'
import { findNextRewrites } from './find-next-rewrites.ts'
import type { ProxyContext, ProxyEntries, ProxyEntry } from './proxy-entry.ts'
import { resolveContainer, stuck } from './proxy-entry.ts'
import type { StaticResult, StaticValue } from './read-static-value.ts'
import { readStaticValue } from './read-static-value.ts'
import { rewriteContainer } from './rewrite-container.ts'
import type { Translation } from './route-draft.ts'
import { serializeValue } from './serialize-value.ts'
import { hpmEntryMatches, hpmFilters, translateHpmEntry } from './translate-hpm-entry.ts'
import { translateViteEntry, viteEntryMatches } from './translate-vite-entry.ts'
/**
 * Finds the proxy entries of `config` for `tool`: Vite's `server.proxy` and `preview.proxy`, Rsbuild's
 * `server.proxy`, webpack's and Rspack's `devServer.proxy` (array or legacy object form), Next's
 * `rewrites()` returning a literal array or `{ beforeFiles, afterFiles, fallback }`. Each comes with
 * its translation into sameorigin routes or the reason it cannot move.
 */
export function findProxyEntries(
  tool: Tool,
  config: ObjectExpression,
  where: { readonly config: ConfigModule; readonly scope: Scope; readonly root: string },
): ProxyEntries {
  const context: ProxyContext = { ...where, code: where.config.code, changed: new Set() }
  const rewriteChanged = (): void => {
    // Innermost first: an outer list prints its items, inner lists already rewritten.
    const lists = [...context.changed].toSorted(
      (a, b) => (a.end ?? 0) - (a.start ?? 0) - ((b.end ?? 0) - (b.start ?? 0)),
    )
    for (const list of lists) {
      const items = list.type === 'ArrayExpression' ? list.elements : list.properties
      rewriteContainer(context.config, list, items as Node[])
    }
  }
  const found = tool === 'next' ? findNextRewrites(config, context) : findToolProxies(tool, config, context)
  return {
    entries: found.entries,
    tidy: () => {
      const configChanged = found.tidy()
      rewriteChanged()
      return configChanged
    },
  }
}

function findToolProxies(tool: Tool, config: ObjectExpression, context: ProxyContext): ProxyEntries {
  const tidies: (() => boolean)[] = []
  const entries: ProxyEntry[] = []
  const sections =
    tool === 'vite'
      ? [
          ['server', 'proxy'],
          ['preview', 'proxy'],
        ]
      : tool === 'rsbuild'
        ? [['server', 'proxy']]
        : [['devServer', 'proxy']]
  for (const [outerKey, innerKey] of sections as [string, string][]) {
    const outer = readObjectMember(config, outerKey, context)
    // A `server` computed at run time may or may not proxy: there is nothing to read or move.
    if (outer === undefined) continue
    const label = `${outerKey}.${innerKey}`
    const member = findMember(outer.object, innerKey)
    if (member === undefined) continue
    const value = member.type === 'ObjectProperty' ? resolveContainer(member.value, outer.scope) : undefined
    if (value === undefined) {
      entries.push(stuck(label, `${label} is computed when the config runs`))
      continue
    }
    const inner: ProxyContext = { ...context, scope: value.scope }
    const found =
      tool === 'vite'
        ? readKeyedEntries(
            value.node,
            label,
            inner,
            (key, read) => translateViteEntry(key, read),
            viteEntryMatches,
          )
        : readHpmEntries(value.node, label, inner)
    entries.push(...(outerKey === 'preview' ? pairWithServer(found, entries) : found))
    tidies.push(() => {
      const container = value.node
      const empty =
        container.type === 'ObjectExpression'
          ? container.properties.length === 0
          : container.elements.length === 0
      if (!empty || value.viaConstant) return false
      context.changed.delete(container)
      removeMember(outer.object, member)
      context.changed.add(outer.object)
      const outerMember = findMember(config, outerKey)
      if (outer.object.properties.length > 0 || outer.viaConstant || outerMember === undefined) return false
      context.changed.delete(outer.object)
      removeMember(config, outerMember)
      return true
    })
  }
  // Every tidy runs (no short-circuit): each section cleans up its own containers.
  return { entries, tidy: () => tidies.map((tidy) => tidy()).includes(true) }
}
function quoteKey(key: string): string {
  return `'${key.replace(/[\\']/g, '\\$&')}'`
}

/** The object a member holds (directly or through a `const`), `undefined` when absent. */
function readObjectMember(
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
function readKeyedEntries(
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
function withTargetHint(read: StaticResult): StaticResult {
  if (!('problem' in read) || !read.problem.startsWith('target: ')) return read
  return { problem: `${read.problem}; sameorigin.config.ts reads variables itself: target: '\${API_URL}'` }
}

/** webpack-dev-server / Rsbuild entries: an array of http-proxy-middleware options, or the object form. */
function readHpmEntries(
  container: ObjectExpression | ArrayExpression,
  label: string,
  context: ProxyContext,
): ProxyEntry[] {
  if (container.type === 'ObjectExpression') {
    return readKeyedEntries(container, label, context, translateHpmEntry, (key) => hpmEntryMatches(key))
  }
  return container.elements.map((element, index) => {
    const from = `${label}[${index}]`
    if (element === null || element.type === 'SpreadElement')
      return stuck(from, 'it is computed when the config runs')
    const remove = (): void => {
      const at = container.elements.indexOf(element)
      if (at !== -1) container.elements.splice(at, 1)
      markChanged(container)
      context.changed.add(container)
    }
    const read = withTargetHint(readStaticValue(element, context.code, context.scope))
    if ('problem' in read) return { ...stuck(from, read.problem), remove }
    const filters = hpmFilters(undefined, read.value)
    const paths =
      typeof filters === 'string'
        ? [filters]
        : Array.isArray(filters)
          ? filters.filter((item): item is string => typeof item === 'string')
          : []
    return {
      from,
      translation: translateHpmEntry(undefined, read.value),
      matches: hpmEntryMatches(filters),
      paths,
      remove,
      comments: collectComments(element),
    }
  })
}

/**
 * Vite serves `preview.proxy` in `vite preview` (and `server.proxy` there when it is absent), while
 * sameorigin's routes apply to both servers. A preview entry that repeats a server entry moves with
 * it; one that differs stays, or the dev server would gain it.
 */
function pairWithServer(preview: readonly ProxyEntry[], server: readonly ProxyEntry[]): ProxyEntry[] {
  return preview.map((entry) => {
    const mine = translationText(entry.translation)
    const twin = server.find((candidate) => candidate.from.replace(/^server/, 'preview') === entry.from)
    if (mine !== undefined && twin !== undefined && translationText(twin.translation) === mine)
      return { ...entry, follows: twin.from }
    if ('reason' in entry.translation) return entry
    return {
      ...entry,
      translation: {
        reason: "it is only in preview.proxy; sameorigin's routes serve vite dev and vite preview alike",
      },
    }
  })
}

/** A translation as comparable text (its routes as they would be written), `undefined` when it stays. */
function translationText(translation: Translation): string | undefined {
  if (!('routes' in translation)) return undefined
  return translation.routes
    .map((route) => `${route.path}=${serializeValue(route.value, DEFAULT_STYLE, 0)}`)
    .join('\n')
}
