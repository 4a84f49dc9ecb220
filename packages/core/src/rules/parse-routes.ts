import type { ConfigIssue } from '../types.ts'
import type { ParsedRule, ParsedRules } from './parse-rule.ts'
import { describeValue } from '../internal/describe-value.ts'
import { parseRule } from './parse-rule.ts'

/**
 * Reads `routes`: an object (keys in declaration order; Vite's `server.proxy`, Angular's
 * `proxy.conf.json`) or an array of entries (http-proxy-middleware, webpack-dev-server). `undefined`
 * is no routes.
 */
export function parseRoutes(routes: unknown): ParsedRules {
  const rules: ParsedRule[] = []
  const issues: ConfigIssue[] = []
  const collect = (parsed: ParsedRules): void => {
    rules.push(...parsed.rules)
    issues.push(...parsed.issues)
  }
  if (routes === undefined) return { rules, issues }
  if (Array.isArray(routes)) {
    routes.forEach((entry: unknown, index) => collect(parseRule(entry, { index })))
  } else if (typeof routes === 'object' && routes !== null && !(routes instanceof RegExp)) {
    for (const [key, value] of Object.entries(routes)) collect(parseRule(value, { key }))
  } else {
    issues.push({
      code: 'ERR_CONFIG_VALUE_INVALID',
      severity: 'error',
      path: 'routes',
      message: `must be an object of paths to targets or an array of entries, got ${describeValue(routes)}`,
      fix: "routes: { '/api': 'http://127.0.0.1:8080' }",
    })
  }
  return { rules, issues }
}
