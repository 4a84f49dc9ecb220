import type { ConfigIssue } from '../types.ts'
import { createIssue } from './create-issue.ts'
import { describeValue } from '../internal/describe-value.ts'
import { didYouMean } from '../internal/did-you-mean.ts'
import { ROUTE_OPTION_KEYS } from './route-option-keys.ts'
import { UNSUPPORTED_OPTIONS } from './unsupported-options.ts'

/** A route's options by our names, the paths of an array entry, and what was wrong. */
export interface RouteOptionsRead {
  readonly options: Readonly<Record<string, unknown>>
  /** `path`, `context` or `pathFilter` (array entries only): which key, and its value. */
  readonly paths: { readonly key: string; readonly value: unknown } | undefined
  readonly issues: readonly ConfigIssue[]
}

const PATH_KEYS = ['path', 'context', 'pathFilter']
const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent']

/**
 * Sorts the keys of one route object: our options are kept; `pathRewrite` is kept for translation;
 * `proxyTimeout` becomes `timeout`; a per-route `logLevel` (Angular) is a warning; options of other
 * proxies with no meaning here are refused with what to use instead; anything else is unknown, with
 * a did-you-mean. `keyPath` of an object-form route names its key, for messages.
 */
export function readRouteOptions(
  value: object,
  configPath: string,
  objectKey: string | undefined,
): RouteOptionsRead {
  const options: Record<string, unknown> = {}
  const issues: ConfigIssue[] = []
  let paths: RouteOptionsRead['paths']
  for (const [key, option] of Object.entries(value)) {
    if (option === undefined) continue
    const at = `${configPath}.${key}`
    if (ROUTE_OPTION_KEYS.includes(key)) {
      options[key] = option
    } else if (PATH_KEYS.includes(key)) {
      if (objectKey !== undefined) {
        issues.push(
          createIssue(
            'ERR_RULE_OPTION_UNSUPPORTED',
            at,
            `has no meaning here: the key '${objectKey}' is the path`,
            'remove it',
          ),
        )
      } else if (paths !== undefined) {
        issues.push(
          createIssue(
            'ERR_RULE_OPTION_INVALID',
            at,
            `repeats the paths already given by \`${paths.key}\``,
            'keep only `path`',
          ),
        )
      } else {
        paths = { key, value: option }
      }
    } else if (key === 'pathRewrite') {
      options.pathRewrite = option
    } else if (key === 'proxyTimeout') {
      options.timeout ??= option
    } else if (key === 'logLevel') {
      issues.push(readLogLevel(option, at))
    } else if (Object.hasOwn(UNSUPPORTED_OPTIONS, key)) {
      const { message, fix } = UNSUPPORTED_OPTIONS[key] as { message: string; fix: string }
      issues.push(createIssue('ERR_RULE_OPTION_UNSUPPORTED', at, `is not supported: ${message}`, fix))
    } else {
      const known = objectKey === undefined ? ['path', ...ROUTE_OPTION_KEYS] : ROUTE_OPTION_KEYS
      const guess = didYouMean(key, known)
      const message =
        guess === undefined ? 'is not a route option' : `is not a route option; did you mean \`${guess}\`?`
      const fix = guess === undefined ? `one of: ${known.join(', ')}` : `${guess}: ${literal(option)}`
      issues.push(createIssue('ERR_RULE_KEY_UNKNOWN', at, message, fix))
    }
  }
  if ('rewrite' in options && 'pathRewrite' in options) {
    issues.push(
      createIssue(
        'ERR_RULE_OPTION_INVALID',
        `${configPath}.pathRewrite`,
        'cannot be combined with `rewrite`',
        'keep only `rewrite`',
      ),
    )
  }
  if ('proxyTimeout' in value && 'timeout' in value) {
    issues.push(
      createIssue(
        'ERR_RULE_OPTION_INVALID',
        `${configPath}.proxyTimeout`,
        'cannot be combined with `timeout`',
        'keep only `timeout`',
      ),
    )
  }
  return { options, paths, issues }
}

/** Angular writes `logLevel` per route; we log per config, so a valid one is only a warning. */
function readLogLevel(option: unknown, at: string): ConfigIssue {
  if (typeof option === 'string' && LOG_LEVELS.includes(option)) {
    const fix = `set it once at the top level: logLevel: '${option}'`
    return createIssue(
      'ERR_RULE_OPTION_UNSUPPORTED',
      at,
      'is ignored: log levels are not set per route',
      fix,
      'warning',
    )
  }
  const message = `must be one of ${LOG_LEVELS.map((level) => `'${level}'`).join(', ')}, got ${describeValue(option)}`
  return createIssue(
    'ERR_RULE_OPTION_INVALID',
    at,
    message,
    "remove it, and set logLevel: 'debug' at the top level",
  )
}

/** How a simple value is written in a config file (for fixes that reuse the user's value). */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '…'
}
