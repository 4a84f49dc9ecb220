import { parseModule } from 'magicast'
import type { Node, NodeOf, Statement } from './ast.ts'
import { unwrapTypeScript, walk } from './ast.ts'
import { endStatement, quoteString } from './code-style.ts'
import type { ConfigModule } from './config-module.ts'

/** The local names bound to what a module (or its sub-paths) exports, as the file loads it. */
export interface ModuleBindings {
  /** Named imports: exported name → local name (`default` for a default import). */
  readonly named: Map<string, string>
  /** Namespace objects: `import * as so`, `const so = require(...)`. */
  readonly namespaces: string[]
}

/** How `config` loads `source`: its `import` declarations or top-level `require` calls. */
export function findModuleBindings(config: ConfigModule, source: string): ModuleBindings {
  const named = new Map<string, string>()
  const namespaces: string[] = []
  for (const statement of config.program.body) {
    if (
      statement.type === 'ImportDeclaration' &&
      statement.source.value === source &&
      statement.importKind !== 'type'
    ) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportNamespaceSpecifier') namespaces.push(specifier.local.name)
        else if (specifier.type === 'ImportDefaultSpecifier') named.set('default', specifier.local.name)
        else if (specifier.importKind !== 'type') {
          const imported =
            specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value
          named.set(imported, specifier.local.name)
        }
      }
    }
    if (statement.type !== 'VariableDeclaration') continue
    for (const declarator of statement.declarations) {
      if (!isRequireOf(declarator.init, source)) continue
      if (declarator.id.type === 'Identifier') namespaces.push(declarator.id.name)
      if (declarator.id.type !== 'ObjectPattern') continue
      for (const property of declarator.id.properties) {
        if (property.type !== 'ObjectProperty' || property.computed) continue
        const key =
          property.key.type === 'Identifier'
            ? property.key.name
            : property.key.type === 'StringLiteral'
              ? property.key.value
              : undefined
        if (key !== undefined && property.value.type === 'Identifier') named.set(key, property.value.name)
      }
    }
  }
  return { named, namespaces }
}

function isRequireOf(node: Node | null | undefined, source: string): boolean {
  if (node == null) return false
  const call = unwrapTypeScript(node)
  return (
    call.type === 'CallExpression' &&
    call.callee.type === 'Identifier' &&
    call.callee.name === 'require' &&
    call.arguments.length === 1 &&
    call.arguments[0]?.type === 'StringLiteral' &&
    call.arguments[0].value === source
  )
}

/** True when a call or `new` in the file uses one of `bindings` (a plugin already in use). */
export function usesBindings(config: ConfigModule, bindings: ModuleBindings): boolean {
  const names = new Set(bindings.named.values())
  const namespaces = new Set(bindings.namespaces)
  let used = false
  walk(config.program, (node) => {
    if (used || (node.type !== 'CallExpression' && node.type !== 'NewExpression')) return
    const callee = node.callee
    if (callee.type === 'Identifier' && names.has(callee.name)) used = true
    if (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      namespaces.has(callee.object.name)
    )
      used = true
    // `sameorigin.default()`-style or `require('x').y()` is rare; the direct forms above are what READMEs show.
  })
  return used
}

/** True when `name` appears anywhere in the file as an identifier (so a new binding would clash). */
function isNameTaken(config: ConfigModule, name: string): boolean {
  let taken = false
  walk(config.program, (node) => {
    if (node.type === 'Identifier' && node.name === name) taken = true
  })
  return taken
}

/**
 * Makes `imported` from `source` available in the file (as `name` when it is new; `'default'` for
 * a default export) and returns the expression naming it: an
 * existing import or `require` is reused (a namespace as `ns.name`), otherwise a new one is added
 * after the file's last import (`import { x } from 'y'`) or top-level `require`
 * (`const { x } = require('y')`). `undefined` when the name is already used for something else.
 */
export function ensureBinding(
  config: ConfigModule,
  source: string,
  imported: string,
  name: string = imported,
): string | undefined {
  const bindings = findModuleBindings(config, source)
  const local = bindings.named.get(imported)
  if (local !== undefined) return local
  const namespace = bindings.namespaces[0]
  if (namespace !== undefined) return `${namespace}.${imported}`
  if (isNameTaken(config, name)) return undefined
  const { style } = config
  // `default` (Astro's integration): `import name from 'source'`.
  const specifier = imported === 'default' ? `{ default: ${name} }` : `{ ${name} }`
  const text =
    config.format === 'cjs'
      ? `const ${specifier} = require(${quoteString(source, style)})${endStatement(style)}`
      : `import ${imported === 'default' ? name : specifier} from ${quoteString(source, style)}${endStatement(style)}`
  const body = config.program.body
  const last = body.findLastIndex(isLoadDeclaration)
  // Recast keeps the line breaks that follow a statement in its own source: one after an import,
  // and an empty line between the first import of a file and its code.
  const statement = parseModule(`${text}${last === -1 ? '\n\n' : '\n'}`).$ast as NodeOf<'Program'>
  body.splice(last + 1, 0, ...(statement.body as Statement[]))
  config.inserted.push(text)
  return name
}

function isLoadDeclaration(node: Statement): boolean {
  return (
    node.type === 'ImportDeclaration' ||
    (node.type === 'VariableDeclaration' &&
      node.declarations.some((declarator) => isAnyRequire(declarator.init)))
  )
}

function isAnyRequire(node: Node | null | undefined): boolean {
  if (node == null) return false
  const call = unwrapTypeScript(node)
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require'
}
