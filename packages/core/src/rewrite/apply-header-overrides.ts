import type { HeaderRecord } from './types.ts'

/**
 * Applies a route's `headers` / `responseHeaders` to a header record the caller owns: a string sets
 * the header (replacing every value), `null` removes it. Names are already lower-case in a
 * `ResolvedRoute`. Internal to `rewrite/`, not re-exported.
 */
export function applyHeaderOverrides(
  headers: HeaderRecord,
  overrides: Readonly<Record<string, string | null>>,
): void {
  for (const name of Object.keys(overrides)) {
    const value = overrides[name]
    if (value === null) delete headers[name]
    else if (value !== undefined) headers[name] = value
  }
}
