import type { CorsPolicy, RenderContext } from './types.ts'

const list = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.join(', '))

/**
 * The comment every output starts with, without its comment marker: what the file is, the command
 * that regenerates it, the policy in one line per part, and how to mount it (`usage`).
 */
export function toPolicyComment(
  policy: CorsPolicy,
  context: RenderContext,
  usage: readonly string[],
): string[] {
  const origins = [
    ...policy.origins.exact,
    ...(policy.origins.loopback ? ['http://localhost:<any port> (and 127.0.0.1, [::1])'] : []),
  ]
  return [
    `Least-privilege CORS policy (${policy.mode}): what the recorded app does, nothing more.`,
    `Regenerate when the app's calls change: ${context.command}`,
    '',
    `origins:     ${list(origins)}`,
    `methods:     ${list(policy.methods)}`,
    `headers:     ${list(policy.allowHeaders)}`,
    `credentials: ${policy.credentials ? 'yes (cookies)' : 'no'}`,
    `exposed:     ${list(policy.exposeHeaders)}`,
    `max-age:     ${policy.maxAge} s; Vary: Origin`,
    '',
    ...usage,
  ]
}
