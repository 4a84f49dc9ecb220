import type { ASTNode } from 'magicast'

/** Any node of the syntax tree magicast parses (Babel's AST, TypeScript included). */
export type Node = ASTNode
/** The node of one `type`: `NodeOf<'ObjectExpression'>`. */
export type NodeOf<T extends Node['type']> = Extract<Node, { type: T }>
/** An object literal. */
export type ObjectExpression = NodeOf<'ObjectExpression'>
/** An array literal. */
export type ArrayExpression = NodeOf<'ArrayExpression'>
/** A member of an object literal: a property, a method or a spread. */
export type ObjectMember = ObjectExpression['properties'][number]
/** A top-level statement of a module. */
export type Statement = NodeOf<'Program'>['body'][number]
/** The ways a function is written: arrow, expression, declaration, object method. */
export type FunctionNode = NodeOf<
  'ArrowFunctionExpression' | 'FunctionExpression' | 'ObjectMethod' | 'FunctionDeclaration'
>

/**
 * The names visible where a node sits: the statements of each enclosing block (innermost first) and
 * the parameters of enclosing functions, which shadow anything declared further out.
 */
export interface Scope {
  readonly statements: readonly Statement[]
  /** Parameter names of the function this block belongs to (they are not constants). */
  readonly params: ReadonlySet<string>
  readonly parent: Scope | undefined
}

/** The scope of a module's top level. */
export function createModuleScope(program: NodeOf<'Program'>): Scope {
  return { statements: program.body, params: new Set(), parent: undefined }
}

/** The scope inside `fn`'s body (its top-level statements and its parameters). */
export function createFunctionScope(fn: FunctionNode, parent: Scope): Scope {
  const params = new Set<string>()
  for (const param of fn.params) collectBindingNames(param, params)
  const statements = fn.body.type === 'BlockStatement' ? fn.body.body : []
  return { statements: statements as Statement[], params, parent }
}

function collectBindingNames(node: Node, into: Set<string>): void {
  if (node.type === 'Identifier') into.add(node.name)
  else if (node.type === 'AssignmentPattern') collectBindingNames(node.left, into)
  else if (node.type === 'RestElement') collectBindingNames(node.argument, into)
  else if (node.type === 'ArrayPattern') {
    for (const element of node.elements) if (element) collectBindingNames(element, into)
  } else if (node.type === 'ObjectPattern') {
    for (const property of node.properties) {
      collectBindingNames(property.type === 'RestElement' ? property : property.value, into)
    }
  } else if (node.type === 'TSParameterProperty') collectBindingNames(node.parameter, into)
}

/**
 * The initial value of the constant `name` as seen from `scope`, or `undefined` when `name` is a
 * parameter, is declared with `let`/`var` (it may change before it is used), or is not declared in a
 * block we can see. Only `const` is followed: its value is the one the config uses.
 */
export function resolveConstant(
  name: string,
  scope: Scope | undefined,
): { init: Node; scope: Scope } | undefined {
  for (let current = scope; current !== undefined; current = current.parent) {
    if (current.params.has(name)) return undefined
    for (const statement of current.statements) {
      const declaration =
        statement.type === 'ExportNamedDeclaration' ? statement.declaration : (statement as Node)
      if (declaration?.type !== 'VariableDeclaration') continue
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier' || declarator.id.name !== name) continue
        if (declaration.kind !== 'const' || declarator.init == null) return undefined
        return { init: declarator.init, scope: current }
      }
    }
  }
  return undefined
}

/** `x as T`, `x satisfies T`, `x!` and `(x)` are `x` at run time. */
export function unwrapTypeScript(node: Node): Node {
  let current = node
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ParenthesizedExpression'
  ) {
    current = current.expression
  }
  return current
}

/** The name of a non-computed object key (`a`, `'a'`, `1`), or `undefined` for a computed one. */
export function propertyKeyName(member: ObjectMember): string | undefined {
  if (member.type === 'SpreadElement') return undefined
  if (member.computed) {
    const key = member.key
    if (key.type === 'StringLiteral') return key.value
    if (key.type === 'TemplateLiteral' && key.expressions.length === 0)
      return key.quasis[0]?.value.cooked ?? undefined
    return undefined
  }
  const key = member.key
  if (key.type === 'Identifier') return key.name
  if (key.type === 'StringLiteral') return key.value
  if (key.type === 'NumericLiteral') return String(key.value)
  return undefined
}

/** The last member named `name` (the one that wins at run time). */
export function findMember(object: ObjectExpression, name: string): ObjectMember | undefined {
  return object.properties.findLast((member) => propertyKeyName(member) === name)
}

// Nodes init changed directly (a member removed, a child replaced): their text in the file is stale.
const changedNodes = new WeakSet<Node>()

/** Records that `node` was changed in place, so its original text no longer stands for it. */
export function markChanged(node: Node): void {
  changedNodes.add(node)
}

/** True when neither `node` nor anything below it was changed by init. */
export function isUnchanged(node: Node): boolean {
  let unchanged = true
  walk(node, (inner) => {
    if (changedNodes.has(inner)) unchanged = false
  })
  return unchanged
}

/** Removes `member` from `object` (no-op when it is not there). */
export function removeMember(object: ObjectExpression, member: ObjectMember): void {
  const index = object.properties.indexOf(member)
  if (index === -1) return
  object.properties.splice(index, 1)
  markChanged(object)
}

/** The source text of `node` as written. */
export function sourceOf(node: Node, code: string): string {
  return node.start == null || node.end == null ? '' : code.slice(node.start, node.end)
}

/** Calls `visit` on `node` and every node below it, depth first. */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node)
  for (const key of Object.keys(node)) {
    // Comments and location data are not children.
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments')
      continue
    const value = (node as unknown as Record<string, unknown>)[key]
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit)
    } else if (isNode(value)) {
      walk(value, visit)
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

/** The return statements of a function body, not counting those of functions nested in it. */
export function findReturns(fn: FunctionNode): NodeOf<'ReturnStatement'>[] {
  const returns: NodeOf<'ReturnStatement'>[] = []
  const visit = (node: Node): void => {
    if (node.type === 'ReturnStatement') returns.push(node)
    if (
      node !== fn &&
      (node.type === 'ArrowFunctionExpression' ||
        node.type === 'FunctionExpression' ||
        node.type === 'FunctionDeclaration' ||
        node.type === 'ObjectMethod' ||
        node.type === 'ClassMethod')
    ) {
      return
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key.endsWith('Comments')) continue
      const value = (node as unknown as Record<string, unknown>)[key]
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item)
      } else if (isNode(value)) {
        visit(value)
      }
    }
  }
  visit(fn.body)
  return returns
}

/** True for the function node kinds a config can be written as. */
export function isFunctionNode(node: Node): node is FunctionNode {
  return (
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionExpression' ||
    node.type === 'FunctionDeclaration' ||
    node.type === 'ObjectMethod'
  )
}
