import type { ResolvedConfig } from '@sameorigin/core'
import { findRouteOverlaps } from '@sameorigin/core'
import type { ProxyEntry } from './proxy-entry.ts'
import type { RouteDraft } from './route-draft.ts'
import type { SameoriginConfigFile } from './sameorigin-config-file.ts'
import { serializeKey, serializeValue } from './serialize-value.ts'

/** A proxy entry moved into the sameorigin config, and the routes it became there. */
export interface MovedEntry {
  readonly from: string
  readonly routes: readonly string[]
}

/** A proxy entry left in the tool config, and why. */
export interface KeptEntry {
  readonly from: string
  readonly reason: string
}

/** The reason given for entries that could move when moving was not agreed to. */
export const NOT_MOVED_REASON = 'not moved: run sameorigin init --yes (or answer yes) to move it'

/** What happened to each proxy entry. */
export interface MovedAndKept {
  readonly moved: readonly MovedEntry[]
  readonly kept: readonly KeptEntry[]
  /** Entries that could move but were not asked to (`move: false`). */
  readonly movable: number
  /** The routes placed in the sameorigin config, in order. */
  readonly drafts: readonly RouteDraft[]
}

/**
 * Decides, entry by entry in the order the tool tries them, which proxy entries move into the
 * sameorigin config, and moves them when `move` (removing them from the tool config's tree). An
 * entry stays when it does not translate, when its twin stays (Vite's `preview.proxy`), when an
 * earlier entry that stays takes some of its paths (sameorigin answers before the tool's proxy, so
 * moving it would change who answers), or when the sameorigin config already has its route
 * differently.
 */
export function moveEntries(
  entries: readonly ProxyEntry[],
  sameorigin: SameoriginConfigFile,
  move: boolean,
): MovedAndKept {
  const moved: MovedEntry[] = []
  const kept: KeptEntry[] = []
  let movable = 0
  const staying: ProxyEntry[] = []
  const drafts: RouteDraft[] = []
  for (const entry of entries) {
    const stay = (reason: string): void => {
      kept.push({ from: entry.from, reason })
      staying.push(entry)
    }
    const { translation } = entry
    if ('reason' in translation) {
      stay(translation.reason)
      continue
    }
    if (entry.follows !== undefined && !moved.some((done) => done.from === entry.follows)) {
      stay(`it moves only together with ${entry.follows}, which stays`)
      continue
    }
    const earlier = staying.find((candidate) => overlaps(candidate, translation.routes))
    if (earlier !== undefined) {
      stay(
        `${earlier.from} comes before it and stays; moved, it would take requests ${earlier.from} answers now`,
      )
      continue
    }
    const refused = translation.routes
      .map((route) => sameorigin.check(route))
      .find((placement) => typeof placement === 'object')
    if (refused !== undefined && typeof refused === 'object') {
      stay(refused.reason)
      continue
    }
    if (!move) {
      movable += 1
      stay(NOT_MOVED_REASON)
      continue
    }
    // The entry's comments go with its first route.
    for (const [index, route] of translation.routes.entries())
      sameorigin.place(
        index === 0 && entry.comments !== undefined ? { ...route, comments: entry.comments } : route,
      )
    drafts.push(...translation.routes)
    entry.remove()
    moved.push({ from: entry.from, routes: translation.routes.map((route) => formatRoute(route)) })
  }
  return { moved, kept, movable, drafts }
}

/** True when `entry` (staying in the tool config) takes some path one of `routes` would now take first. */
function overlaps(entry: ProxyEntry, routes: readonly RouteDraft[]): boolean {
  if (entry.matches === undefined) return true
  const resolved = { routes: routes.map((route) => route.resolved) } as unknown as ResolvedConfig
  return (
    findRouteOverlaps(resolved, [{ key: entry.from, matches: entry.matches, paths: entry.paths }]).length > 0
  )
}

/** A route as written in the sameorigin config, on one line. */
function formatRoute(route: RouteDraft): string {
  const style = { quote: "'" as const, semi: false, indent: '  ', trailingComma: false }
  return `${serializeKey(route.path, style)}: ${serializeValue(route.value, style, 0).replace(/\s*\n\s*/g, ' ')}`
}
