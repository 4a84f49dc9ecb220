import type { ConfigIssue } from '../types.ts'
import { createIssue } from './create-issue.ts'
import { describeValue } from '../internal/describe-value.ts'
import { formatKey } from '../internal/format-key.ts'
import { parseGlobPrefix } from './parse-glob-prefix.ts'
import { readRouteOptions } from './read-route-options.ts'

/** One route path with its (shared) options, as written, before validation. */
export interface ParsedRule {
  /** `routes['/api']` or `routes[2]`. */
  readonly configPath: string
  /** Where the path is written: `routes['/api']` (the key) or `routes[2].path[1]`. */
  readonly pathConfigPath: string
  /** The path as written (a RegExp shown as `/…/`). */
  readonly id: string
  /** The path to compile (`/api/**` already read as the prefix `/api`). */
  readonly source: string | RegExp
  /** True when the route was written `'/api': 'http://…'`: issues point at the key, not `.target`. */
  readonly shorthand: boolean
  /** Route options by our names (`proxyTimeout` read as `timeout`); `pathRewrite` kept for translation. */
  readonly options: Readonly<Record<string, unknown>>
  /** Set when `${VAR}` in the target could not be substituted (already reported). */
  readonly envMissing?: boolean
}

/** Rules parsed from one key or entry, and what was wrong with it. */
export interface ParsedRules {
  readonly rules: readonly ParsedRule[]
  readonly issues: readonly ConfigIssue[]
}

/**
 * Reads one route: an object key with a target string or options (`'/api': 'http://x'`, Vite's
 * `server.proxy`, Angular's `proxy.conf.json`), or an array entry (`{ path, target }`, or
 * http-proxy-middleware / webpack-dev-server's `{ context | pathFilter, target, pathRewrite }`,
 * several paths giving one rule each). Options of those tools are mapped when they mean something
 * here and refused with what to use instead when they do not (see `readRouteOptions`).
 */
export function parseRule(
  value: unknown,
  at: { readonly key: string } | { readonly index: number },
): ParsedRules {
  const key = 'key' in at ? at.key : undefined
  const configPath =
    key === undefined ? `routes[${(at as { index: number }).index}]` : `routes${formatKey(key)}`
  const example =
    key === undefined
      ? "{ path: '/api', target: 'http://127.0.0.1:8080' }"
      : `${formatKey(key).slice(1, -1)}: 'http://127.0.0.1:8080'`
  if (typeof value === 'string' && key !== undefined) {
    const rule = {
      configPath,
      pathConfigPath: configPath,
      id: key,
      source: parseGlobPrefix(key),
      shorthand: true,
      options: { target: value },
    }
    return { rules: [rule], issues: [] }
  }
  if (value === undefined || value === null) {
    return {
      rules: [],
      issues: [
        createIssue(
          'ERR_RULE_TARGET_MISSING',
          configPath,
          `is ${String(value)}; a route needs the URL of the backend`,
          example,
        ),
      ],
    }
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const expected =
      key === undefined ? 'an object with `path` and `target`' : 'a target URL string or an options object'
    return {
      rules: [],
      issues: [
        createIssue(
          'ERR_RULE_OPTION_INVALID',
          configPath,
          `must be ${expected}, got ${describeValue(value)}`,
          example,
        ),
      ],
    }
  }
  const { options, paths, issues } = readRouteOptions(value, configPath, key)
  const base = { configPath, shorthand: false, options }
  if (key !== undefined)
    return { rules: [{ ...base, pathConfigPath: configPath, id: key, source: parseGlobPrefix(key) }], issues }
  if (paths === undefined) {
    return {
      rules: [],
      issues: [
        ...issues,
        createIssue(
          'ERR_RULE_PATH_INVALID',
          `${configPath}.path`,
          'is missing: array entries say which paths they take',
          example,
        ),
      ],
    }
  }
  const rules: ParsedRule[] = []
  const more: ConfigIssue[] = []
  const listPath = `${configPath}.${paths.key}`
  const list: unknown[] = Array.isArray(paths.value) ? paths.value : [paths.value]
  if (list.length === 0)
    more.push(createIssue('ERR_RULE_PATH_INVALID', listPath, 'is an empty list', "path: ['/api', '/auth']"))
  list.forEach((source, i) => {
    const pathConfigPath = Array.isArray(paths.value) ? `${listPath}[${i}]` : listPath
    if (typeof source === 'string') {
      rules.push({ ...base, pathConfigPath, id: source, source: parseGlobPrefix(source) })
    } else if (source instanceof RegExp) {
      rules.push({ ...base, pathConfigPath, id: String(source), source })
    } else if (typeof source === 'function') {
      const fix = 'path: /^\\/api\\/(?!health)/ or matchHeaders: { accept: /json/ }'
      more.push(
        createIssue(
          'ERR_RULE_OPTION_UNSUPPORTED',
          pathConfigPath,
          'is a function; paths are matched by prefix, pattern or RegExp',
          fix,
        ),
      )
    } else {
      more.push(
        createIssue(
          'ERR_RULE_PATH_INVALID',
          pathConfigPath,
          `must be a string or a RegExp, got ${describeValue(source)}`,
          "path: '/api'",
        ),
      )
    }
  })
  return { rules, issues: [...issues, ...more] }
}
