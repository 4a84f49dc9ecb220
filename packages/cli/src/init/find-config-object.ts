import type { Node, ObjectExpression, Scope } from './ast.ts'
import {
  createFunctionScope,
  createModuleScope,
  findReturns,
  isFunctionNode,
  markChanged,
  resolveConstant,
  sourceOf,
  unwrapTypeScript,
} from './ast.ts'
import type { ConfigModule } from './config-module.ts'
import { findModuleExportsAssignment } from './config-module.ts'
import { shorten } from './read-static-value.ts'

/** What a config file exports, and how to put something else in its place. */
export interface ConfigExport {
  /** The exported expression (`export default <this>`, `module.exports = <this>`). */
  readonly expression: Node
  readonly scope: Scope
  /** Replaces the exported expression (Next's `withSameOrigin(...)` around it). */
  readonly replace: (node: Node) => void
}

/** The config object literal the tool receives, with the names visible where it is written. */
export interface LocatedObject {
  readonly object: ObjectExpression
  readonly scope: Scope
}

/** Finds the export of a config file, or says why there is none we can edit. */
export function findConfigExport(config: ConfigModule): ConfigExport | { problem: string } {
  const scope = createModuleScope(config.program)
  if (config.format === 'esm') {
    const declaration = config.program.body.find((statement) => statement.type === 'ExportDefaultDeclaration')
    if (declaration === undefined) return { problem: 'it has no `export default`' }
    const exported = declaration.declaration
    if (exported.type === 'ClassDeclaration') return { problem: 'its default export is not a config' }
    return {
      expression: exported,
      scope,
      replace: (node) => {
        // A function declaration cannot stand inside a call; the caller refuses it before replacing.
        ;(declaration as { declaration: Node }).declaration = node
        markChanged(declaration)
      },
    }
  }
  const assignment = config.program.body
    .map(findModuleExportsAssignment)
    .findLast((found) => found !== undefined)
  if (assignment === undefined) return { problem: 'it has no `module.exports = ...`' }
  return {
    expression: assignment.right,
    scope,
    replace: (node) => {
      ;(assignment as { right: Node }).right = node
      markChanged(assignment)
    },
  }
}

/**
 * Follows the exported expression to the object literal that is the config: through
 * `defineConfig(...)`, `const` variables, `as`/`satisfies`, and functions (`({ mode }) => ({ ... })`,
 * or a body with exactly one `return`). `unwrap` says which other calls to look into (Next's
 * `withX(config)` plugins). Anything else is a shape that cannot be edited with certainty.
 */
export function findConfigObject(
  config: ConfigModule,
  exported: ConfigExport,
  unwrap: (callee: string) => boolean = () => false,
): LocatedObject | { problem: string } {
  let node: Node = exported.expression
  let scope = exported.scope
  for (let depth = 0; depth < 20; depth++) {
    node = unwrapTypeScript(node)
    if (node.type === 'ObjectExpression') return { object: node, scope }
    if (node.type === 'Identifier') {
      const constant = resolveConstant(node.name, scope)
      if (constant === undefined)
        return { problem: `\`${node.name}\` is not a constant declared in the file` }
      node = constant.init
      scope = constant.scope
      continue
    }
    if (node.type === 'CallExpression') {
      const callee = node.callee
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier'
            ? callee.property.name
            : undefined
      const [first] = node.arguments
      if (
        name !== undefined &&
        (name === 'defineConfig' || unwrap(name)) &&
        first !== undefined &&
        first.type !== 'SpreadElement'
      ) {
        node = first
        continue
      }
      return { problem: `its config is the result of \`${shorten(sourceOf(node, config.code))}\`` }
    }
    if (isFunctionNode(node)) {
      const fnScope = createFunctionScope(node, scope)
      if (node.body.type !== 'BlockStatement') {
        node = node.body
        scope = fnScope
        continue
      }
      const returns = findReturns(node)
      const argument = returns[0]?.argument
      if (returns.length !== 1 || argument == null)
        return {
          problem: `it exports a function with ${returns.length === 0 ? 'no' : returns.length} return statements, so the config it returns could not be found`,
        }
      node = argument
      scope = fnScope
      continue
    }
    if (node.type === 'ArrayExpression') return { problem: 'it exports several configurations (an array)' }
    return { problem: `its config is \`${shorten(sourceOf(node, config.code))}\`, not an object literal` }
  }
  return { problem: 'its config is too deeply wrapped' }
}
