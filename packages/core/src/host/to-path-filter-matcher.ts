import isGlob from 'is-glob'
import type { ProxyKey } from '../rules/find-route-overlaps.ts'

/** What http-proxy-middleware takes as a `pathFilter` (`context`), less the function form. */
export type PathFilter = string | readonly string[]

/** One path filter as a test for `findRouteOverlaps`: a {@link ProxyKey} without its name. */
export type PathFilterMatcher = Pick<ProxyKey, 'matches' | 'paths'>

/**
 * Where a glob may stop being literal text in micromatch: wildcards, classes, braces, groups, a
 * negation, an escape, and the `+(` / `@(` extglobs. The literal part of a glob ends before the first.
 */
const GLOB_SYNTAX = /[*?[\]{}()!\\]|[+@](?=\()/

function literalPart(glob: string): string {
  const at = glob.search(GLOB_SYNTAX)
  return at === -1 ? glob : glob.slice(0, at)
}

/**
 * http-proxy-middleware's reading of a `pathFilter` (the dev servers hand it `context`, `path` or
 * `pathFilter`; Rsbuild its `server.proxy` keys), as a path test. A string is a glob exactly when
 * the `is-glob` package says so, the test http-proxy-middleware itself applies (2.x `context-matcher`,
 * 3.x and 4.x `path-filter`); anything else is a raw prefix (`/api` takes `/apix`). A glob is tried
 * by its literal part before the first character micromatch may read as syntax (`/api/**` as `/api/`),
 * so the test may claim a path the glob would skip, never miss one. In a list, negated globs
 * (`!**.html`) only take paths away from the others, so they are left out; a list of negations alone
 * leaves every other path. No filter is every path, as in http-proxy-middleware (`'/'`).
 * `paths` are the prefixes, for `findRouteOverlaps` to try besides the routes' own.
 * @example toPathFilterMatcher('/api/**').matches('/api/users') // true
 */
export function toPathFilterMatcher(pathFilter: PathFilter = '/'): PathFilterMatcher {
  const filters = typeof pathFilter === 'string' ? [pathFilter] : pathFilter
  // A leading `!` always makes a glob (is-glob), and only ever a negation.
  const kept = filters.filter((filter) => !filter.startsWith('!'))
  const prefixes =
    kept.length === 0 && filters.length > 0
      ? ['/']
      : kept.map((filter) => (isGlob(filter) ? literalPart(filter) : filter))
  return { matches: (path) => prefixes.some((prefix) => path.startsWith(prefix)), paths: prefixes }
}
