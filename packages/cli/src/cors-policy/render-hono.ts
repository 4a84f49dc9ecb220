import { toJsOriginCheck } from './to-js-origin-check.ts'
import { toJsValues } from './to-js-values.ts'
import { toPolicyComment } from './to-policy-comment.ts'
import type { CorsPolicy, RenderContext } from './types.ts'

/**
 * The policy as an ES module exporting the options of Hono's `cors` middleware (`hono/cors`): an
 * origin function that returns the allowed origin (reflected) or `null`, the methods, the allowed and
 * exposed headers, credentials and Max-Age. Hono answers preflights with 204 and adds `Vary: Origin`.
 */
export function renderHono(policy: CorsPolicy, context: RenderContext): string {
  const values = toJsValues(policy)
  const usage = [
    "import { cors } from 'hono/cors'",
    "import { corsOptions } from './cors-policy.js'",
    "app.use('*', cors(corsOptions)) // before the routes; it answers preflights (OPTIONS) with 204",
  ]
  // hono/cors treats an empty allowHeaders as "allow whatever the preflight asks for".
  if (policy.allowHeaders.length === 0)
    usage.push(
      '',
      'Note: the app sends no header that needs allowing, but hono/cors answers an empty allowHeaders',
      'by allowing whatever a preflight asks for (from the allowed origins only).',
    )
  return [
    ...toPolicyComment(policy, context, usage).map((line) => `// ${line}`.trimEnd()),
    '',
    ...toJsOriginCheck(policy),
    '',
    "/** @type {import('hono/cors').CORSOptions} */",
    'export const corsOptions = {',
    '  origin: (origin) => (isAllowedOrigin(origin) ? origin : null),',
    `  allowMethods: ${values.methods},`,
    `  allowHeaders: ${values.allowHeaders},`,
    `  exposeHeaders: ${values.exposeHeaders},`,
    `  credentials: ${String(policy.credentials)},`,
    `  maxAge: ${policy.maxAge},`,
    '}',
    '',
  ].join('\n')
}
