import type { ConfigIssue } from '../types.ts'

/**
 * The text of an `ERR_CONFIG_INVALID` error: a heading, then every error and every warning with its
 * config path, what is wrong and a fix.
 * @example
 * Invalid sameorigin config (sameorigin.config.ts), 1 problem:
 *   ✖ routes['/api'].target: is missing
 *     fix: target: 'http://127.0.0.1:8080'
 */
export function formatIssues(issues: readonly ConfigIssue[], configFile?: string): string {
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  const where = configFile === undefined ? '' : ` (${configFile})`
  const count = `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`
  const lines = [`Invalid sameorigin config${where}, ${count}:`]
  for (const issue of [...errors, ...warnings]) {
    lines.push(`  ${issue.severity === 'error' ? '✖' : '⚠'} ${issue.path}: ${issue.message}`)
    if (issue.fix !== undefined) lines.push(`    fix: ${issue.fix}`)
  }
  return lines.join('\n')
}
