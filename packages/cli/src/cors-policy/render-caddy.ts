import { toPolicyComment } from './to-policy-comment.ts'
import type { CorsPolicy, RenderContext, RenderedFile } from './types.ts'

/** The dev servers' origins, in RE2 without a `{n,m}` (braces read as placeholders in a Caddyfile). */
const LOOPBACK = String.raw`http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]+)?`

const escapeRe2 = (text: string): string => text.replaceAll(/[\\.*+?()[\]{}|^$]/g, String.raw`\$&`)

const quote = (value: string): string => `"${value}"`

/** The allowed origins as one anchored RE2 expression. */
function toOriginRegex(policy: CorsPolicy): string {
  const parts = [...policy.origins.exact.map(escapeRe2), ...(policy.origins.loopback ? [LOOPBACK] : [])]
  return `^(${parts.join('|')})$`
}

/**
 * The policy as a Caddyfile snippet, `(cors_policy)`, that a site imports: a `header_regexp` matcher
 * for the allowed origins, the headers set (deferred, so they replace the backend's own) only for
 * them, preflights answered with 204, and `Vary: Origin` on every answer.
 */
export function renderCaddy(policy: CorsPolicy, context: RenderContext): RenderedFile[] {
  const origin = `\`${toOriginRegex(policy)}\``
  const lines = [
    ...toPolicyComment(policy, context, [
      'Paste this snippet at the top of the Caddyfile and import it in the site that proxies to the backend:',
      '  api.example.com {',
      '    import cors_policy',
      '    reverse_proxy 127.0.0.1:8080',
      '  }',
    ]).map((line) => `# ${line}`.trimEnd()),
    '',
    '(cors_policy) {',
    '\t# Only for the allowed origins: any other gets no CORS header, so the browser blocks it.',
    `\t@cors_allowed header_regexp Origin ${origin}`,
    '\t@cors_preflight {',
    '\t\tmethod OPTIONS',
    '\t\theader Access-Control-Request-Method *',
    `\t\theader_regexp Origin ${origin}`,
    '\t}',
    '\t# Deferred: they replace what the backend sends (browsers refuse two Access-Control-Allow-Origin).',
    '\theader @cors_allowed {',
    '\t\tdefer',
    '\t\tAccess-Control-Allow-Origin {http.request.header.Origin}',
    ...(policy.credentials
      ? ['\t\tAccess-Control-Allow-Credentials true']
      : ['\t\t-Access-Control-Allow-Credentials']),
    ...(policy.exposeHeaders.length > 0
      ? [`\t\tAccess-Control-Expose-Headers ${quote(policy.exposeHeaders.join(', '))}`]
      : []),
    '\t}',
    '\theader +Vary Origin',
    '\thandle @cors_preflight {',
    `\t\theader Access-Control-Allow-Methods ${quote(policy.methods.join(', '))}`,
    ...(policy.allowHeaders.length > 0
      ? [`\t\theader Access-Control-Allow-Headers ${quote(policy.allowHeaders.join(', '))}`]
      : []),
    `\t\theader Access-Control-Max-Age ${policy.maxAge}`,
    '\t\trespond 204',
    '\t}',
    '}',
    '',
  ]
  return [{ name: 'cors-policy.caddy', content: lines.join('\n') }]
}
