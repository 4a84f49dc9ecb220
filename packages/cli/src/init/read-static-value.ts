import type { FunctionNode, Node, Scope } from './ast.ts'
import { propertyKeyName, resolveConstant, sourceOf, unwrapTypeScript } from './ast.ts'

/**
 * A string that reads the environment, in the config's `${VAR}` / `${VAR:-default}` syntax:
 * `process.env.API_URL ?? 'http://127.0.0.1:8080'` becomes `${API_URL:-http://127.0.0.1:8080}`.
 */
export class EnvString {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

/** A function written in the config (a `rewrite`, a `bypass`), with its source text. */
export class FunctionValue {
  readonly node: FunctionNode
  readonly code: string
  /** `code` is a method (`rewrite(path) { ... }`), which names its own key. */
  readonly isMethod: boolean
  constructor(node: FunctionNode, code: string, isMethod: boolean = node.type === 'ObjectMethod') {
    this.node = node
    this.code = code
    this.isMethod = isMethod
  }
}

/** A value known without running the config. Objects keep their key order. */
export type StaticValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | RegExp
  | EnvString
  | FunctionValue
  | readonly StaticValue[]
  | StaticObject

/** An object literal read statically (a null-prototype record). */
export interface StaticObject {
  readonly [key: string]: StaticValue
}

/** The value, or why it is not known before the config runs. */
export type StaticResult = { readonly value: StaticValue } | { readonly problem: string }

/** True for a plain object literal value (not an array, RegExp, function or env string). */
export function isStaticObject(value: StaticValue): value is StaticObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof RegExp) &&
    !(value instanceof EnvString) &&
    !(value instanceof FunctionValue)
  )
}

/**
 * Reads `node` as a value without running the config: literals, object and array literals,
 * regular expressions, constants declared with `const`, functions (as their source), and
 * `process.env.X` (optionally `|| 'default'` / `?? 'default'`, also inside a template literal) as an
 * {@link EnvString}. Anything computed (a call, a variable that may change, a parameter) is a problem
 * naming the expression.
 */
export function readStaticValue(node: Node, code: string, scope: Scope): StaticResult {
  const inner = unwrapTypeScript(node)
  const computed = (): StaticResult => ({
    problem: `\`${shorten(sourceOf(inner, code))}\` is computed when the config runs`,
  })
  switch (inner.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return { value: inner.value }
    case 'NullLiteral':
      return { value: null }
    case 'RegExpLiteral':
      try {
        return { value: new RegExp(inner.pattern, inner.flags) }
      } catch {
        return computed()
      }
    case 'UnaryExpression':
      if (inner.operator === '-' && inner.argument.type === 'NumericLiteral')
        return { value: -inner.argument.value }
      return computed()
    case 'TemplateLiteral':
      return readTemplate(inner, computed)
    case 'MemberExpression':
    case 'LogicalExpression': {
      const env = readEnvReference(inner)
      return env === undefined ? computed() : { value: new EnvString(env) }
    }
    case 'Identifier': {
      if (inner.name === 'undefined') return { value: undefined }
      const constant = resolveConstant(inner.name, scope)
      return constant === undefined ? computed() : readStaticValue(constant.init, code, constant.scope)
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { value: new FunctionValue(inner, sourceOf(inner, code)) }
    case 'ArrayExpression': {
      const values: StaticValue[] = []
      for (const element of inner.elements) {
        if (element === null || element.type === 'SpreadElement') return computed()
        const read = readStaticValue(element, code, scope)
        if ('problem' in read) return read
        values.push(read.value)
      }
      return { value: values }
    }
    case 'ObjectExpression': {
      const object: Record<string, StaticValue> = Object.create(null) as Record<string, StaticValue>
      for (const member of inner.properties) {
        const key = propertyKeyName(member)
        if (key === undefined || key === '__proto__' || member.type === 'SpreadElement') return computed()
        if (member.type === 'ObjectMethod') {
          object[key] = new FunctionValue(member, sourceOf(member, code))
          continue
        }
        const read = readStaticValue(member.value, code, scope)
        // Name the key the problem is under: `target: \`env.API\` is computed ...`.
        if ('problem' in read)
          return { problem: read.problem.startsWith('`') ? `${key}: ${read.problem}` : read.problem }
        object[key] = read.value
      }
      return { value: object }
    }
    default:
      return computed()
  }
}

function readTemplate(
  node: Extract<Node, { type: 'TemplateLiteral' }>,
  computed: () => StaticResult,
): StaticResult {
  let text = ''
  for (const [index, quasi] of node.quasis.entries()) {
    if (quasi.value.cooked == null) return computed()
    text += quasi.value.cooked
    const expression = node.expressions[index]
    if (expression === undefined) continue
    const env = readEnvReference(unwrapTypeScript(expression))
    if (env === undefined) return computed()
    text += env
  }
  return { value: node.expressions.length === 0 ? text : new EnvString(text) }
}

const ENV_NAME = /^[A-Za-z_]\w*$/

/**
 * `process.env.X` → `${X}`; `process.env.X || 'd'` and `process.env.X ?? 'd'` → `${X:-d}` (the
 * config's default applies to an unset or empty variable: an empty target is never meant).
 */
function readEnvReference(node: Node): string | undefined {
  if (node.type === 'MemberExpression') {
    const name = readEnvName(node)
    return name === undefined ? undefined : `\${${name}}`
  }
  if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??')) {
    const left = unwrapTypeScript(node.left)
    const right = unwrapTypeScript(node.right)
    const name = left.type === 'MemberExpression' ? readEnvName(left) : undefined
    // The default runs to the first `}` in the config's syntax.
    if (name === undefined || right.type !== 'StringLiteral' || right.value.includes('}')) return undefined
    return `\${${name}:-${right.value}}`
  }
  return undefined
}

function readEnvName(node: Extract<Node, { type: 'MemberExpression' }>): string | undefined {
  const object = node.object
  if (
    object.type !== 'MemberExpression' ||
    object.computed ||
    object.object.type !== 'Identifier' ||
    object.object.name !== 'process' ||
    object.property.type !== 'Identifier' ||
    object.property.name !== 'env'
  ) {
    return undefined
  }
  const name =
    !node.computed && node.property.type === 'Identifier'
      ? node.property.name
      : node.property.type === 'StringLiteral'
        ? node.property.value
        : undefined
  return name !== undefined && ENV_NAME.test(name) ? name : undefined
}

/** An expression as quoted in a message: one line, at most 60 characters. */
export function shorten(source: string): string {
  const line = source.replace(/\s+/g, ' ').trim()
  return line.length > 60 ? `${line.slice(0, 57)}...` : line
}
