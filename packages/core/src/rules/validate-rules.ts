import type { ConfigIssue } from '../types.ts'
import type { Matcher } from './compile-matcher.ts'
import type { ParsedRule } from './parse-rule.ts'
import { isProxyError } from '../errors/proxy-error.ts'
import { compileMatcher } from './compile-matcher.ts'
import { parseTarget } from './parse-target.ts'
import { quote } from '../internal/quote.ts'
import { resolveRewrite } from './resolve-rewrite.ts'
import { validateRouteOptions } from './validate-route-options.ts'

/**
 * Every problem in the parsed rules, each with its config path, what is wrong and an example: paths
 * (patterns, regular expressions), targets, rewrites and option types. Options shared by several
 * paths of one entry are reported once.
 */
export function validateRules(rules: readonly ParsedRule[]): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const checkedOptions = new Set<Readonly<Record<string, unknown>>>()
  for (const rule of rules) {
    const matcher = tryCompile(rule, issues)
    if (!checkedOptions.has(rule.options)) {
      checkedOptions.add(rule.options)
      if (rule.envMissing !== true) issues.push(...validateTarget(rule))
      issues.push(...validateRouteOptions(rule.options, rule.configPath))
    }
    if (matcher !== undefined) {
      const rewrite = resolveRewrite(rule.options, matcher, rule.configPath)
      if (rewrite.problem !== undefined)
        issues.push({ code: 'ERR_RULE_REWRITE_INVALID', severity: 'error', ...rewrite.problem })
    }
  }
  return dedupe(issues)
}

function tryCompile(rule: ParsedRule, issues: ConfigIssue[]): Matcher | undefined {
  try {
    return compileMatcher(rule.source)
  } catch (error) {
    if (!isProxyError(error)) throw error
    issues.push({
      code: 'ERR_RULE_PATH_INVALID',
      severity: 'error',
      path: rule.pathConfigPath,
      message: error.message,
      fix: error.hint,
    })
    return undefined
  }
}

function validateTarget(rule: ParsedRule): ConfigIssue[] {
  const parsed = parseTarget(rule.options.target)
  if (parsed.problem === undefined) return []
  const { code, message, fix } = parsed.problem
  // `'/api': 'localhost:8080'` is fixed where it was written: at the key, not at a `.target` it never had.
  const path = rule.shorthand ? rule.configPath : `${rule.configPath}.target`
  const key = rule.configPath.startsWith("routes['") ? rule.configPath.slice('routes['.length, -1) : undefined
  const example = rule.shorthand && key !== undefined ? `${key}: ${quote(fix)}` : `target: ${quote(fix)}`
  return [{ code, severity: 'error', path, message, fix: example }]
}

function dedupe(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
