import { toJsValues } from './to-js-values.ts'
import { toPolicyComment } from './to-policy-comment.ts'
import type { CorsPolicy, RenderContext } from './types.ts'

/**
 * The policy as an ES module exporting the options of `@fastify/cors`: origins as strings and, in
 * development, the loopback RegExp (the plugin reflects an allowed origin and adds `Vary: Origin`),
 * the methods, the allowed and exposed headers, credentials and Max-Age. The plugin answers
 * preflights with 204.
 */
export function renderFastify(policy: CorsPolicy, context: RenderContext): string {
  const values = toJsValues(policy)
  const comment = toPolicyComment(policy, context, [
    "import cors from '@fastify/cors'",
    "import { corsOptions } from './cors-policy.js'",
    'await app.register(cors, corsOptions) // it answers preflights (OPTIONS) with 204',
  ])
  const origin = values.loopback === undefined ? values.exact : `[...${values.exact}, ${values.loopback}]`
  return [
    ...comment.map((line) => `// ${line}`.trimEnd()),
    '',
    "/** @type {import('@fastify/cors').FastifyCorsOptions} */",
    'export const corsOptions = {',
    `  origin: ${origin},`,
    `  methods: ${values.methods},`,
    // An empty list still matters: without it, the plugin allows whatever a preflight asks for.
    `  allowedHeaders: ${values.allowHeaders},`,
    `  exposedHeaders: ${values.exposeHeaders},`,
    `  credentials: ${String(policy.credentials)},`,
    `  maxAge: ${policy.maxAge},`,
    '}',
    '',
  ].join('\n')
}
