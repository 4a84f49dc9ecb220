import type { RouteEntry, RouteOptions, RoutesInput, UserConfig } from '../types.ts'

/**
 * Puts options given inline (by an adapter or the CLI) over the config file's, key by key: an inline
 * top-level value replaces the file's; routes merge per route key (the object key, or an entry's
 * `path`). A route both define takes the inline value at the file's position, so the file's ordering
 * between specific and broad routes holds; routes only given inline come first, so where they
 * overlap a file route the inline one matches. Neither input is mutated.
 * @example mergeConfig({ routes: { '/api': 'http://a' } }, { routes: { '/auth': 'http://b' } })
 * // { routes: { '/auth': 'http://b', '/api': 'http://a' } }
 */
export function mergeConfig(file: UserConfig, inline: UserConfig): UserConfig {
  const merged: Record<string, unknown> = { ...file }
  for (const [key, value] of Object.entries(inline)) {
    if (value === undefined) continue
    // Malformed routes are left for resolveConfig to report against what the user wrote.
    const both = key === 'routes' && isRoutesShape(file.routes) && isRoutesShape(value)
    merged[key] = both ? mergeRoutes(file.routes as RoutesInput, value as RoutesInput) : value
  }
  return merged as UserConfig
}

function mergeRoutes(file: RoutesInput, inline: RoutesInput): RoutesInput {
  if (!isArray(file) && !isArray(inline)) {
    const merged = Object.fromEntries(Object.entries(inline).filter(([key]) => !Object.hasOwn(file, key)))
    for (const [key, value] of Object.entries(file))
      merged[key] = Object.hasOwn(inline, key) ? inline[key]! : value
    return merged
  }
  // One side is a list: compare both as lists, keyed by what each entry matches.
  const fileEntries = toEntries(file)
  const inlineEntries = toEntries(inline)
  const inlineByKey = new Map(inlineEntries.map((entry) => [routeKey(entry), entry]))
  const fileKeys = new Set(fileEntries.map((entry) => routeKey(entry)))
  return [
    ...inlineEntries.filter((entry) => !fileKeys.has(routeKey(entry))),
    ...fileEntries.map((entry) => inlineByKey.get(routeKey(entry)) ?? entry),
  ]
}

function isRoutesShape(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !(value instanceof RegExp)
}

function isArray(routes: RoutesInput): routes is readonly RouteEntry[] {
  return Array.isArray(routes)
}

function toEntries(routes: RoutesInput): readonly RouteEntry[] {
  if (isArray(routes)) return routes
  return Object.entries(routes).map(([key, value]): RouteEntry => {
    const options: RouteOptions = typeof value === 'string' ? { target: value } : value
    // An object key starting with `^` is a regular expression (Vite's `server.proxy` convention).
    return { ...options, path: key.startsWith('^') ? new RegExp(key) : key }
  })
}

/** What an entry matches, as a string; entries without a usable path get a key nothing else has. */
function routeKey(entry: RouteEntry | null | undefined): unknown {
  const path: unknown = entry?.path
  const key = pathKey(path)
  return key ?? Symbol('unmergeable route')
}

function pathKey(path: unknown): string | undefined {
  if (typeof path === 'string') return path
  if (path instanceof RegExp) return String(path)
  if (!Array.isArray(path)) return undefined
  const parts = path.map((part: unknown) => pathKey(part))
  return parts.every((part) => part !== undefined) ? `[${parts.join('\0')}]` : undefined
}
