import type { Tool } from '../project/detect-project.ts'
import type { ArrayExpression, Node, ObjectExpression, Scope } from './ast.ts'
import { findMember, markChanged, removeMember } from './ast.ts'
import { collectComments } from './entry-comments.ts'
import { DEFAULT_STYLE } from './code-style.ts'
import type { ConfigModule } from './config-module.ts'
import { findNextRewrites } from './find-next-rewrites.ts'
import type { ProxyContext, ProxyEntries, ProxyEntry } from './proxy-entry.ts'
import { resolveContainer, stuck } from './proxy-entry.ts'
import { readStaticValue } from './read-static-value.ts'
import { readKeyedEntries, readObjectMember, withTargetHint } from './read-keyed-entries.ts'
import { findRouteRules, nitroEntryMatches, translateNitroEntry } from './translate-nitro-entry.ts'
import { rewriteContainer } from './rewrite-container.ts'
import type { Translation } from './route-draft.ts'
import { serializeValue } from './serialize-value.ts'
import { hpmEntryMatches, hpmFilters, translateHpmEntry } from './translate-hpm-entry.ts'
import { translateViteEntry, viteEntryMatches } from './translate-vite-entry.ts'

/** The tools whose config is Vite's own (SvelteKit and React Router are Vite plugins). */
const VITE_CONFIGS: ReadonlySet<Tool> = new Set(['vite', 'sveltekit', 'react-router'])

/**
 * Finds the proxy entries of `config` for `tool`: Vite's `server.proxy` and `preview.proxy`, Rsbuild's
 * `server.proxy`, webpack's and Rspack's `devServer.proxy` (array or legacy object form), Next's
 * `rewrites()` returning a literal array or `{ beforeFiles, afterFiles, fallback }`, Astro's
 * `vite.server.proxy`, Nuxt's `nitro.devProxy` (and its `routeRules` proxies, which stay: they also
 * serve the built app). Each comes with its translation into sameorigin routes or the reason it
 * cannot move.
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
  const found =
    tool === 'next'
      ? findNextRewrites(config, context)
      : tool === 'astro'
        ? findNestedViteProxies(config, context)
        : findToolProxies(tool, config, context)
  // Nitro's dev proxy answers before the app, whose route rules proxy next.
  const entries = tool === 'nuxt' ? [...found.entries, ...findRouteRules(config, context)] : found.entries
  return {
    entries,
    tidy: () => {
      const configChanged = found.tidy()
      rewriteChanged()
      return configChanged
    },
  }
}

/** An entry of Astro's Vite config, named as the user writes it. */
function named(from: string): string {
  return `vite.${from}`
}

/**
 * Astro: its Vite config is the `vite` key. The proxies are read there as in a Vite config; a `vite`
 * left empty by the move goes too.
 */
function findNestedViteProxies(config: ObjectExpression, context: ProxyContext): ProxyEntries {
  const vite = readObjectMember(config, 'vite', context)
  if (vite === undefined) return { entries: [], tidy: () => false }
  const found = findToolProxies('vite', vite.object, { ...context, scope: vite.scope })
  return {
    entries: found.entries.map((entry) => ({
      ...entry,
      from: named(entry.from),
      ...(entry.follows === undefined ? {} : { follows: named(entry.follows) }),
    })),
    tidy: () => {
      if (!found.tidy()) return false
      const member = findMember(config, 'vite')
      if (vite.object.properties.length > 0 || vite.viaConstant || member === undefined) {
        context.changed.add(vite.object)
        return false
      }
      removeMember(config, member)
      return true
    },
  }
}

function findToolProxies(tool: Tool, config: ObjectExpression, context: ProxyContext): ProxyEntries {
  const tidies: (() => boolean)[] = []
  const entries: ProxyEntry[] = []
  const vite = VITE_CONFIGS.has(tool)
  const sections = vite
    ? [
        ['server', 'proxy'],
        ['preview', 'proxy'],
      ]
    : tool === 'rsbuild'
      ? [['server', 'proxy']]
      : tool === 'nuxt'
        ? [['nitro', 'devProxy']]
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
    const found = vite
      ? readKeyedEntries(value.node, label, inner, translateViteEntry, viteEntryMatches)
      : tool === 'nuxt'
        ? readKeyedEntries(value.node, label, inner, translateNitroEntry, nitroEntryMatches)
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
/** webpack-dev-server / Rsbuild entries: an array of http-proxy-middleware options, or the object form. */
export function readHpmEntries(
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
