import { toViteKeyMatcher } from '@sameorigin/core'
import type { StaticValue } from './read-static-value.ts'
import { EnvString, FunctionValue, isStaticObject } from './read-static-value.ts'
import type { Translation } from './route-draft.ts'
import { finishRoute, isLiteralPath, keepPathBelowTarget, toPrefix } from './route-draft.ts'
import { translateRewriteFunction } from './translate-rewrite-function.ts'

/**
 * Translates one Vite `server.proxy` entry (`'/api': 'http://…'` or `'/api': { target, … }`) into a
 * route with the same meaning. Vite's keys are a prefix or, starting with `^`, a RegExp: the same
 * keys sameorigin reads. Its options are http-proxy's, which the core reads or refuses by name;
 * `rewrite` is translated (see `translateRewriteFunction`).
 */
export function translateViteEntry(key: string, value: StaticValue): Translation {
  const isRegExp = key.startsWith('^')
  if (!isRegExp && !isLiteralPath(key)) {
    return {
      reason: `the key '${key}' would read as a pattern in sameorigin (\`:\`, \`*\`, \`?\` or brackets)`,
    }
  }
  let options: Record<string, StaticValue>
  if (typeof value === 'string' || value instanceof EnvString) options = { target: value }
  else if (isStaticObject(value)) options = { ...value }
  else return { reason: 'the entry is neither a target URL nor an options object' }

  const rewrite = options.rewrite
  if (rewrite instanceof FunctionValue) {
    const translated = translateRewriteFunction(rewrite, isRegExp ? undefined : toPrefix(key))
    if (translated.kind === 'unknown') return { reason: translated.reason }
    options.rewrite = translated.kind === 'template' ? translated.template : translated.function
  }
  keepPathBelowTarget(key, options)
  return finishRoute(key, options)
}

/** Vite's own test for whether an entry takes a path (its proxy middleware): core's `toViteKeyMatcher`. */
export const viteEntryMatches: (key: string) => ((path: string) => boolean) | undefined = toViteKeyMatcher
