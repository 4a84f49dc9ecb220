import type { ConfigIssue, LogLevel, ResolvedConfig, UserConfig } from '../types.ts'
import type { ParsedRule } from '../rules/parse-rule.ts'
import { createError } from '../errors/proxy-error.ts'
import { deepFreeze } from '../internal/deep-freeze.ts'
import { describeValue } from '../internal/describe-value.ts'
import { didYouMean } from '../internal/did-you-mean.ts'
import { findShadowedRoutes } from '../rules/find-shadowed-routes.ts'
import { formatIssues } from '../rules/format-issues.ts'
import { formatKey } from '../internal/format-key.ts'
import { parseRoutes } from '../rules/parse-routes.ts'
import { toParentDirectory } from '../rules/resolve-mock.ts'
import { resolveRoute } from '../rules/resolve-route.ts'
import { validateRules } from '../rules/validate-rules.ts'
import { DEFAULTS } from '../rules/defaults.ts'
import { interpolateEnv } from './interpolate-env.ts'
import { resolveInspector } from './resolve-inspector.ts'
import { suggestEnvValue } from './suggest-env-value.ts'

/** Options for {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /**
   * Where `${VAR}` in targets is read from (the loader merges `.env` files into it).
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>
  /** The `.env` files that were read, most specific first; named in the fix for a missing variable. */
  envFiles?: readonly string[]
  /** The config file the config came from, shown in errors and kept in the result. */
  configFile?: string
  /**
   * The folder a route's relative `mock.dir` or handler module is read from when there is no config
   * file (with one, it is the file's folder).
   * @default the working directory, read by the Node side at first use
   */
  root?: string
}

/** The top-level keys of `UserConfig`; anything else is a warning with a did-you-mean. */
const TOP_LEVEL_KEYS = ['routes', 'logLevel', 'inspector']
/** Names other tools use for our top-level keys. */
const TOP_LEVEL_ALIASES: Readonly<Record<string, string>> = {
  proxy: 'routes',
  rules: 'routes',
  rewrites: 'routes',
}
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/**
 * Turns user config into the frozen {@link ResolvedConfig} every adapter uses: shorthands and pasted
 * Vite / http-proxy-middleware / Angular routes read, `${VAR}` in targets substituted, everything
 * validated at once, matchers and rewrites compiled. Throws one `ERR_CONFIG_INVALID` listing every
 * problem; warnings (shadowed routes, unknown top-level keys) land in `warnings`. Never mutates `user`.
 * @example resolveConfig({ routes: { '/api': '${API_TARGET:-http://127.0.0.1:8080}' } }, { env: process.env })
 */
export function resolveConfig(user: UserConfig, options: ResolveConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? (typeof process === 'undefined' ? {} : process.env)
  const issues: ConfigIssue[] = []
  if (typeof user !== 'object' || user === null || Array.isArray(user)) {
    const message = `must be an object, got ${describeValue(user)}`
    issues.push({
      code: 'ERR_CONFIG_VALUE_INVALID',
      severity: 'error',
      path: 'config',
      message,
      fix: 'export default defineConfig({ routes: { ... } })',
    })
    throw createError('ERR_CONFIG_INVALID', { issues, message: formatIssues(issues, options.configFile) })
  }
  issues.push(...checkTopLevel(user))
  const inspector = resolveInspector((user as UserConfig).inspector, issues)
  const parsed = parseRoutes(user.routes)
  issues.push(...parsed.issues)
  const rules = substituteEnv(parsed.rules, env, options.envFiles, issues)
  issues.push(...validateRules(rules))
  if (issues.some((issue) => issue.severity === 'error')) {
    const sorted = sortByRoute(issues, user.routes)
    throw createError('ERR_CONFIG_INVALID', {
      issues: sorted,
      message: formatIssues(sorted, options.configFile),
    })
  }
  const base = options.configFile === undefined ? options.root : toParentDirectory(options.configFile)
  const routes = rules.map((rule, index) => resolveRoute(rule, index, base))
  const logLevel = user.logLevel ?? DEFAULTS.logLevel
  const resolved: ResolvedConfig = {
    routes,
    logLevel,
    inspector,
    warnings: [...issues, ...findShadowedRoutes(routes)],
    configFile: options.configFile,
  }
  // Not enumerable: invisible to spreads, equality and JSON; a copy is user input again.
  Object.defineProperty(resolved, RESOLVED_BRAND, { value: true })
  return deepFreeze(resolved)
}

/**
 * Set on every config `resolveConfig` returns, so `createProxy` tells a resolved config from user
 * input without guessing from its shape. `Symbol.for`: a second copy of this package agrees.
 */
export const RESOLVED_BRAND: unique symbol = Symbol.for('sameorigin.resolvedConfig')

/** True when `value` came out of {@link resolveConfig} unchanged. */
export function isResolvedConfig(value: unknown): value is ResolvedConfig {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, RESOLVED_BRAND)
}

function checkTopLevel(user: object): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  for (const key of Object.keys(user)) {
    if (TOP_LEVEL_KEYS.includes(key)) continue
    const guess = TOP_LEVEL_ALIASES[key] ?? didYouMean(key, TOP_LEVEL_KEYS)
    const message =
      guess === undefined
        ? 'is not a sameorigin option and is ignored'
        : `is not a sameorigin option and is ignored; did you mean \`${guess}\`?`
    issues.push({
      code: 'ERR_CONFIG_KEY_UNKNOWN',
      severity: 'warning',
      path: key,
      message,
      fix: guess === undefined ? `remove it (known: ${TOP_LEVEL_KEYS.join(', ')})` : `${guess}: …`,
    })
  }
  const logLevel = (user as UserConfig).logLevel
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    const guess = typeof logLevel === 'string' ? didYouMean(logLevel, LOG_LEVELS) : undefined
    const known = LOG_LEVELS.map((level) => `'${level}'`).join(', ')
    const message = `must be one of ${known}, got ${describeValue(logLevel)}`
    issues.push({
      code: 'ERR_CONFIG_VALUE_INVALID',
      severity: 'error',
      path: 'logLevel',
      message,
      fix: `logLevel: '${guess ?? 'info'}'`,
    })
  }
  return issues
}

/**
 * Substitutes `${VAR}` in each rule's target (once per options object: the paths of one entry share
 * it). A missing variable is an issue; the rule is kept, marked, so its other problems still show.
 */
function substituteEnv(
  rules: readonly ParsedRule[],
  env: Readonly<Record<string, string | undefined>>,
  envFiles: readonly string[] | undefined,
  issues: ConfigIssue[],
): ParsedRule[] {
  const done = new Map<object, Pick<ParsedRule, 'options' | 'envMissing'>>()
  const files = envFiles !== undefined && envFiles.length > 0 ? envFiles.join(', ') : 'a .env file'
  return rules.map((rule) => {
    const target = rule.options.target
    if (typeof target !== 'string' || !target.includes('${')) return rule
    let substituted = done.get(rule.options)
    if (substituted === undefined) {
      const { value, missing } = interpolateEnv(target, env)
      substituted = { options: { ...rule.options, target: value }, envMissing: missing.length > 0 }
      done.set(rule.options, substituted)
      for (const name of missing) {
        const example = suggestEnvValue(target, name)
        issues.push({
          code: 'ERR_CONFIG_ENV_MISSING',
          severity: 'error',
          path: rule.shorthand ? rule.configPath : `${rule.configPath}.target`,
          message: `uses \${${name}}, which is not set`,
          fix: `set ${name}=${example} in ${files} or the shell, or give a default: \${${name}:-${example}}`,
        })
      }
    }
    return { ...rule, ...substituted }
  })
}

/** Issues in the order the routes are written (top-level keys first), so each route's problems read together. */
function sortByRoute(issues: readonly ConfigIssue[], routes: unknown): ConfigIssue[] {
  const paths =
    typeof routes !== 'object' || routes === null
      ? []
      : Array.isArray(routes)
        ? routes.map((_, i) => `routes[${i}]`)
        : Object.keys(routes).map((key) => `routes${formatKey(key)}`)
  const rank = (issue: ConfigIssue): number =>
    paths.findIndex(
      (path) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
    )
  return issues
    .map((issue, i) => ({ issue, i, rank: rank(issue) }))
    .toSorted((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ issue }) => issue)
}
