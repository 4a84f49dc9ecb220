import type { NextRewrite, NextRewriteGroups, NextRewritesResult } from './types.ts'

/**
 * The user's `rewrites()` result with ours added to `beforeFiles`, after theirs: an array (Next's
 * `afterFiles` shorthand) stays their `afterFiles`, an object keeps every group it has. Nothing of
 * theirs is removed or reordered.
 */
export function mergeRewrites(
  theirs: NextRewritesResult | undefined,
  ours: readonly NextRewrite[],
): Required<NextRewriteGroups> {
  const groups: NextRewriteGroups =
    theirs === undefined ? {} : isArray(theirs) ? { afterFiles: theirs } : theirs
  return {
    beforeFiles: [...(groups.beforeFiles ?? []), ...ours],
    afterFiles: [...(groups.afterFiles ?? [])],
    fallback: [...(groups.fallback ?? [])],
  }
}

function isArray(value: NextRewritesResult): value is readonly NextRewrite[] {
  return Array.isArray(value)
}
