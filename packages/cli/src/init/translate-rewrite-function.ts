import type { Node } from './ast.ts'
import { unwrapTypeScript } from './ast.ts'
import { FunctionValue } from './read-static-value.ts'

/** A tool's rewrite function read as a sameorigin `rewrite`. */
export type TranslatedRewrite =
  | { readonly kind: 'template'; readonly template: string }
  | { readonly kind: 'function'; readonly function: FunctionValue }
  | { readonly kind: 'unknown'; readonly reason: string }

// `^\/api` or `^/api` (a literal dot is `\.`): the prefix a RegExp literal anchors to.
const ANCHORED_LITERAL = /^\^((?:\\[/.-]|[\w~/-])+)$/
// What a template may put before `:path*`: plain segments.
const TEMPLATE_PREFIX = /^(?:\/[\w\-.~]+)*$/

/**
 * Reads the rewrite almost every Vite `server.proxy` entry and http-proxy-middleware `pathRewrite`
 * function has: `(path) => path.replace(/^\/api/, '')`. On a prefix route whose prefix is what the
 * expression strips, it becomes the template `/:path*` (or `/v2/:path*` for a replacement `/v2`),
 * which sameorigin can also reverse for redirects and cookie paths. Any other replacement with
 * literal arguments is kept as the same function: it only uses its parameter, so it runs unchanged in
 * `sameorigin.config.ts` (it receives the path without the query, which a `^`-anchored expression
 * never reaches). Anything else may depend on the config's variables and stays where it is.
 * @param prefix the route's literal prefix without trailing slash, or `undefined` for a RegExp route
 */
export function translateRewriteFunction(fn: FunctionValue, prefix: string | undefined): TranslatedRewrite {
  const replace = readReplaceCall(fn.node)
  if (replace === undefined) {
    return {
      kind: 'unknown',
      reason:
        "rewrite is a function sameorigin cannot copy with certainty; write a template (rewrite: '/v2/:path*') or a function in sameorigin.config.ts",
    }
  }
  const { pattern, replacement, plain } = replace
  if (prefix !== undefined && prefix !== '' && plain && TEMPLATE_PREFIX.test(replacement.value)) {
    const stripped =
      pattern.type === 'StringLiteral'
        ? pattern.value
        : pattern.flags === ''
          ? ANCHORED_LITERAL.exec(pattern.pattern)?.[1]?.replace(/\\([/.-])/g, '$1')
          : undefined
    // A string pattern replaces its first occurrence: on a path the tool matched by this prefix,
    // that is the prefix itself.
    if (stripped === prefix) return { kind: 'template', template: `${replacement.value}/:path*` }
  }
  // Written afresh as an arrow function, so it fits under the `rewrite` key whatever the tool
  // called it (`pathRewrite(path) { ... }`).
  const text = (node: Node): string =>
    fn.code.slice((node.start ?? 0) - (fn.node.start ?? 0), (node.end ?? 0) - (fn.node.start ?? 0))
  const code = `(${replace.param}) => ${replace.param}.replace(${text(pattern)}, ${text(replacement)})`
  return { kind: 'function', function: new FunctionValue(fn.node, code, false) }
}

/** `(p) => p.replace(<RegExp or string literal>, <string literal>)`, in any of its spellings. */
function readReplaceCall(fn: FunctionValue['node']):
  | {
      param: string
      pattern: Extract<Node, { type: 'RegExpLiteral' | 'StringLiteral' }>
      replacement: Extract<Node, { type: 'StringLiteral' }>
      /** No `$&` / `$1`: the replacement is literal text (a template can say the same). */
      plain: boolean
    }
  | undefined {
  if (fn.params.length !== 1 || fn.params[0]?.type !== 'Identifier' || fn.async || fn.generator)
    return undefined
  const param = fn.params[0].name
  let body: Node = fn.body
  if (body.type === 'BlockStatement') {
    const only = body.body[0]
    if (body.body.length !== 1 || only?.type !== 'ReturnStatement' || only.argument == null) return undefined
    body = only.argument
  }
  const call = unwrapTypeScript(body)
  if (call.type !== 'CallExpression' || call.arguments.length !== 2) return undefined
  const callee = call.callee
  if (
    callee.type !== 'MemberExpression' ||
    callee.computed ||
    callee.object.type !== 'Identifier' ||
    callee.object.name !== param ||
    callee.property.type !== 'Identifier' ||
    callee.property.name !== 'replace'
  ) {
    return undefined
  }
  const [pattern, replacement] = call.arguments
  if (pattern?.type !== 'RegExpLiteral' && pattern?.type !== 'StringLiteral') return undefined
  if (replacement?.type !== 'StringLiteral') return undefined
  // `$&`, `$1` in a replacement refer to the match: fine in a function, never in a template.
  return { param, pattern, replacement, plain: !replacement.value.includes('$') }
}
