import type { StaticValue } from './read-static-value.ts'
import { EnvString, FunctionValue, isStaticObject } from './read-static-value.ts'
import type { RouteDraft, Translation } from './route-draft.ts'
import { finishRoute, isLiteralPath, keepPathBelowTarget, targetMayHavePath } from './route-draft.ts'
import { translateRewriteFunction } from './translate-rewrite-function.ts'

const PATH_KEYS = ['context', 'path', 'pathFilter'] as const
const ANCHORED_LITERAL = /^\^((?:\\[/.-]|[\w~/-])+)$/
const TEMPLATE_PREFIX = /^(?:\/[\w\-.~]+)*$/

/**
 * Translates one http-proxy-middleware entry, as webpack-dev-server's and Rspack's `devServer.proxy`
 * and Rsbuild's `server.proxy` take them: an array entry (`{ context: ['/api'], target, pathRewrite }`)
 * or a key of the object form (`'/api': { target }`). Each path filter becomes a route with the same
 * options; a filter is a plain prefix or a prefix followed by `/**` (anything else is a glob the core
 * reads differently). `pathRewrite` is translated where its meaning is certain.
 * @param key the object form's key, or `undefined` for an array entry
 */
export function translateHpmEntry(key: string | undefined, value: StaticValue): Translation {
  let options: Record<string, StaticValue>
  if (key !== undefined && (typeof value === 'string' || value instanceof EnvString))
    options = { target: value }
  else if (isStaticObject(value)) options = { ...value }
  else return { reason: 'the entry is neither a target URL nor an options object' }

  let filters: StaticValue = key
  for (const name of PATH_KEYS) {
    if (options[name] === undefined) continue
    filters = options[name]
    delete options[name]
  }
  const list = typeof filters === 'string' ? [filters] : Array.isArray(filters) ? filters : undefined
  if (list === undefined || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    return {
      reason: 'its path filter is not a path or a list of paths (a function or a RegExp decides per request)',
    }
  }
  const routes: RouteDraft[] = []
  for (const filter of list as string[]) {
    const path = toRoutePath(filter)
    if (path === undefined)
      return { reason: `the path filter '${filter}' is a glob sameorigin reads differently` }
    const translated = translateOne(path, { ...options })
    if ('reason' in translated) return translated
    routes.push(...translated.routes)
  }
  return { routes }
}

function translateOne(path: string, options: Record<string, StaticValue>): Translation {
  const prefix = path.replace(/\/+$/, '')
  const pathRewrite = options.pathRewrite
  if (pathRewrite instanceof FunctionValue) {
    const translated = translateRewriteFunction(pathRewrite, prefix)
    if (translated.kind === 'unknown') return { reason: translated.reason.replace(/^rewrite/, 'pathRewrite') }
    delete options.pathRewrite
    options.rewrite = translated.kind === 'template' ? translated.template : translated.function
  } else if (isStaticObject(pathRewrite)) {
    const rules = Object.entries(pathRewrite)
    if (!rules.every((rule): rule is [string, string] => typeof rule[1] === 'string'))
      return { reason: 'pathRewrite has a replacement that is not a string' }
    // `context: ['/api', '/auth']` often shares `{ '^/api': '' }`: it never applies below /auth.
    const applicable = rules.filter(([pattern]) => canApply(pattern, prefix))
    const only = applicable[0]
    delete options.pathRewrite
    if (
      applicable.length === 1 &&
      only !== undefined &&
      literalOf(only[0]) === prefix &&
      prefix !== '' &&
      TEMPLATE_PREFIX.test(only[1])
    ) {
      options.rewrite = `${only[1]}/:path*`
    } else if (applicable.length > 0) {
      options.pathRewrite = Object.assign(Object.create(null), Object.fromEntries(applicable)) as StaticValue
      // The core applies the rules as http-proxy-middleware does, but maps a prefix onto a target
      // path where the tool would append the whole path: only certain without a target path.
      if (targetMayHavePath(options.target))
        return { reason: 'pathRewrite with a path in the target; write the route by hand' }
    }
  } else if (pathRewrite !== undefined) {
    return { reason: 'pathRewrite is neither an object of rules nor a function' }
  }
  keepPathBelowTarget(path, options)
  return finishRoute(path, options)
}

/** `/api/**` → `/api`, `**` → `/`, a plain path as is; `undefined` for any other glob. */
function toRoutePath(filter: string): string | undefined {
  if (filter === '**' || filter === '/**') return '/'
  const base = filter.endsWith('/**') ? filter.slice(0, -3) : filter
  return isLiteralPath(base === '' ? '/' : base) ? base || '/' : undefined
}

function literalOf(pattern: string): string | undefined {
  return ANCHORED_LITERAL.exec(pattern)?.[1]
    ?.replace(/\\([/.-])/g, '$1')
    .replace(/\/+$/, '')
}

/** False only when `pattern` is a literal `^/x` that no path below `prefix` starts with. */
function canApply(pattern: string, prefix: string): boolean {
  const literal = literalOf(pattern)
  if (literal === undefined) return true
  return prefix.startsWith(literal) || literal.startsWith(`${prefix}/`)
}

/**
 * http-proxy-middleware's own test for a path filter (webpack-dev-server, Rsbuild): a plain string is
 * a prefix of the path, `/x/**` everything below `/x`, `**` everything. `undefined` when the filter
 * is a function or another glob: it may take any path.
 */
export function hpmEntryMatches(filters: StaticValue): ((path: string) => boolean) | undefined {
  const list = typeof filters === 'string' ? [filters] : Array.isArray(filters) ? filters : undefined
  if (list === undefined || !list.every((item) => typeof item === 'string')) return undefined
  const tests: ((path: string) => boolean)[] = []
  for (const filter of list as string[]) {
    const path = toRoutePath(filter)
    if (path === undefined) return undefined
    tests.push(
      path === '/' ? () => true : (candidate) => candidate.startsWith(filter.endsWith('/**') ? path : filter),
    )
  }
  return (path) => tests.some((test) => test(path))
}

/** The path filters of an entry: the object form's key, else `context`, `path` or `pathFilter`. */
export function hpmFilters(key: string | undefined, value: StaticValue): StaticValue {
  if (key !== undefined) return key
  if (!isStaticObject(value)) return undefined
  return value.context ?? value.path ?? value.pathFilter
}
