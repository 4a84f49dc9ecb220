import type { JsLibrary } from './js-libraries.ts'
import { toOriginList } from './js-libraries.ts'
import { toJsOriginCheck } from './to-js-origin-check.ts'
import { toJsValues } from './to-js-values.ts'
import { toPolicyComment } from './to-policy-comment.ts'
import type { CorsPolicy, RenderContext } from './types.ts'

/**
 * The policy as an ES module exporting `corsOptions` for one JavaScript middleware: the origins (the
 * exact ones and, in development, the loopback RegExp; or an `isAllowedOrigin` function for a library
 * that takes one), the methods, the allowed and exposed headers, credentials and Max-Age, under a
 * comment that says how to mount it and why each value is there.
 */
export function renderJsModule(policy: CorsPolicy, context: RenderContext, library: JsLibrary): string {
  const values = toJsValues(policy)
  const usage = [library.import, "import { corsOptions } from './cors-policy.js'", library.mount]
  if (library.emptyHeadersAllowAll && policy.allowHeaders.length === 0)
    usage.push(
      '',
      `Note: the app sends no header that needs allowing, but ${library.name} answers an empty allowHeaders`,
      'by allowing whatever a preflight asks for (from the allowed origins only).',
    )
  const { keys } = library
  return [
    ...toPolicyComment(policy, context, usage).map((line) => `// ${line}`.trimEnd()),
    '',
    ...(library.origin.list ? [] : [...toJsOriginCheck(policy), '']),
    `/** @type {${library.type}} */`,
    'export const corsOptions = {',
    `  origin: ${library.origin.list ? toOriginList(values) : library.origin.expression},`,
    `  ${keys.methods}: ${values.methods},`,
    // An empty list still matters to `cors` and `@fastify/cors`: without it they allow whatever a
    // preflight asks for.
    `  ${keys.allowHeaders}: ${values.allowHeaders},`,
    `  ${keys.exposeHeaders}: ${values.exposeHeaders},`,
    `  credentials: ${String(policy.credentials)},`,
    `  maxAge: ${policy.maxAge},`,
    '}',
    '',
  ].join('\n')
}
