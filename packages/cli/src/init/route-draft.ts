import { DEFAULTS, isProxyError, resolveConfig } from '@sameorigin/core'
import type { ResolvedRoute } from '@sameorigin/core'
import type { StaticObject, StaticValue } from './read-static-value.ts'
import { EnvString, FunctionValue, isStaticObject } from './read-static-value.ts'

/** One route for `sameorigin.config.ts`: its key and its value (a target, or route options). */
export interface RouteDraft {
  readonly path: string
  readonly value: string | EnvString | StaticObject
  /** The route as the core reads it (for the order check against entries that stay). */
  readonly resolved: ResolvedRoute
  /** Comments of the proxy entry it comes from, written above the route (`// …`, `/* … *\/`). */
  readonly comments?: readonly string[]
}

/** What a tool's proxy entry becomes: routes, or why it stays where it is. */
export type Translation = { readonly routes: readonly RouteDraft[] } | { readonly reason: string }

// `${NAME` in a target: the variables a validation run must see set.
const ENV_REFERENCE = /\$\{([A-Za-z_]\w*)/g
// A literal path sameorigin reads as the same prefix the tools do: no pattern or RegExp syntax.
const LITERAL_PATH = /^\/[\w\-.~/@!$&'+,;=%]*$/

/** True when `path` is a plain prefix such as `/api` (no `:param`, `*`, `?`, RegExp). */
export function isLiteralPath(path: string): boolean {
  return LITERAL_PATH.test(path)
}

/** The prefix a literal route key stands for, without trailing slashes (`''` for `/`). */
export function toPrefix(path: string): string {
  return path.replace(/\/+$/, '')
}

/**
 * Http-proxy based tools (Vite's `server.proxy`, http-proxy-middleware) send the whole request path
 * below a target's own path (`/api/users` → `http://b/v1/api/users`), where a sameorigin prefix route
 * maps its prefix onto the target's path (`/v1/users`). A prefix route whose target has a path, or
 * reads one from the environment, gets the rewrite that keeps the tool's meaning.
 */
export function keepPathBelowTarget(path: string, options: Record<string, StaticValue>): void {
  if (options.rewrite !== undefined || options.pathRewrite !== undefined || !isLiteralPath(path)) return
  if (targetMayHavePath(options.target)) options.rewrite = `${toPrefix(path)}/:path*`
}

/** True when a target has a path below its origin (`http://b/v1`), or reads one from the environment. */
export function targetMayHavePath(target: StaticValue): boolean {
  if (target instanceof EnvString) return true
  return typeof target === 'string' && /^[a-z][\w+.-]*:\/\/[^/]+\/./i.test(target.replace(/\/+$/, '/'))
}

/**
 * Completes a translated route: websocket schemes become their HTTP ones (as http-proxy reads them),
 * options equal to sameorigin's defaults are left out, a lone target is written as the shorthand,
 * and the result is checked by the core exactly as `sameorigin.config.ts` will be. Any error the core
 * would report (an option it refuses, a path it reads differently) becomes the reason to keep the entry.
 */
export function finishRoute(path: string, written: Record<string, StaticValue>): Translation {
  const options: Record<string, StaticValue> = {}
  for (const [key, value] of Object.entries(written)) {
    if (value === undefined) continue
    // A per-route log level is ignored by the core with a warning; the tool's own logs are not ours.
    if (key === 'logLevel') continue
    if (key === 'proxyTimeout' && written.timeout === undefined) {
      options.timeout = value
      continue
    }
    if (value instanceof EnvString && key !== 'target')
      return { reason: `${key} reads the environment; only a target can (\`\${VAR}\`)` }
    if (Object.hasOwn(DEFAULTS, key) && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue
    options[key] = value
  }
  const target = options.target
  if (typeof target === 'string') {
    if (/\$\{[A-Za-z_]/.test(target))
      return { reason: 'the target contains `${`, which sameorigin reads as an environment variable' }
    options.target = target.replace(/^ws(s?):/i, 'http$1:')
  } else if (target instanceof EnvString) {
    options.target = new EnvString(target.text.replace(/^ws(s?):/i, 'http$1:'))
  }
  const checked = checkRoute(path, options)
  if ('reason' in checked) return checked
  const keys = Object.keys(options)
  const value =
    keys.length === 1 && (typeof options.target === 'string' || options.target instanceof EnvString)
      ? options.target
      : (Object.assign(Object.create(null), options) as StaticObject)
  return { routes: [{ path, value, resolved: checked.resolved }] }
}

/** Runs the core's validation on one route; its errors are the reason, word for word. */
function checkRoute(
  path: string,
  options: Record<string, StaticValue>,
): { resolved: ResolvedRoute } | { reason: string } {
  const env: Record<string, string> = {}
  const text = options.target instanceof EnvString ? options.target.text : ''
  // Any set value stands in for the variables: this checks the route's shape, not the environment.
  for (const [, name] of text.matchAll(ENV_REFERENCE)) env[name as string] = 'http://127.0.0.1'
  try {
    const resolved = resolveConfig({ routes: { [path]: toRuntime(options) as never } }, { env })
    const route = resolved.routes[0]
    if (route === undefined) return { reason: 'the core read no route from it' }
    return { resolved: route }
  } catch (error) {
    if (!isProxyError(error)) throw error
    const problems = error.issues.filter((issue) => issue.severity === 'error')
    // Issues name `routes['/api'].configure`; the entry is already named, so say `configure`.
    const routePath = `routes['${path.replace(/[\\']/g, '\\$&')}']`
    const described = problems.map((issue) => {
      if (issue.path === routePath) return `the path '${path}' ${issue.message}`
      const at = issue.path.startsWith(`${routePath}.`) ? issue.path.slice(routePath.length + 1) : issue.path
      return `${at} ${issue.message}`
    })
    return { reason: described.length > 0 ? described.join('; ') : error.message }
  }
}

/** The value the core sees at run time: functions are functions, env strings their text. */
function toRuntime(value: StaticValue): unknown {
  if (value instanceof EnvString) return value.text
  // The core only checks that a function is one (`rewrite`) or refuses its key (`bypass`).
  if (value instanceof FunctionValue) return () => ''
  if (Array.isArray(value)) return (value as readonly StaticValue[]).map(toRuntime)
  if (isStaticObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toRuntime(item)]))
  return value
}
