import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createError } from '@sameorigin/core'
import type { Node, NodeOf } from './ast.ts'
import { markChanged, unwrapTypeScript } from './ast.ts'
import type { CodeStyle } from './code-style.ts'
import { endStatement, quoteString } from './code-style.ts'
import type { ConfigModule } from './config-module.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import { ensureBinding, findModuleBindings } from './module-bindings.ts'
import type { RouteHandlerFile } from './plan-route-handler.ts'
import { parseSnippet } from './rewrite-container.ts'

/** Where the hook comes from (`@sameorigin/sveltekit`'s README). */
export const HOOKS_MODULE = '@sameorigin/sveltekit/hooks'
const HOOK = 'handleSameOrigin'
const COMMENT = "// sameorigin: the routes answer the browser's requests and the `fetch` of load functions."

/**
 * SvelteKit's `src/hooks.server.(ts|js)` with sameorigin's `handle`: a new file, or the app's own with
 * `export const handle = handleSameOrigin` added, or its `handle` put after ours in
 * `sequence(handleSameOrigin, handle)` (an existing `sequence(...)` gains it as its first argument).
 * An AST edit: the rest of the file is kept as written.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` when the file does not parse, or its `handle` is
 * not a `const` (a function declaration, a re-export): the lines to write by hand are in the message.
 */
export function planSvelteKitHooks(root: string, style: CodeStyle): RouteHandlerFile {
  const existing = ['ts', 'js'].map((ext) => join(root, 'src', `hooks.server.${ext}`)).find(existsSync)
  if (existing === undefined) {
    const ext = existsSync(join(root, 'tsconfig.json')) ? 'ts' : 'js'
    const end = endStatement(style)
    const after = `${COMMENT}\nimport { ${HOOK} } from ${quoteString(HOOKS_MODULE, style)}${end}\n\nexport const handle = ${HOOK}${end}\n`
    return { file: join(root, 'src', `hooks.server.${ext}`), before: undefined, after }
  }
  const before = readFileSync(existing, 'utf8')
  let hooks: ConfigModule
  try {
    hooks = parseConfigModule(existing, before)
  } catch (error) {
    throw cannotEdit(`${existing} could not be parsed (${(error as Error).message})`)
  }
  const ours = findModuleBindings(hooks, HOOKS_MODULE)
  const reexported = hooks.program.body.some(
    (statement) =>
      (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') &&
      statement.source?.value === HOOKS_MODULE,
  )
  // Already there: imported, or re-exported (`export { handleSameOrigin as handle } from ...`).
  if (reexported || ours.named.size > 0 || ours.namespaces.length > 0)
    return { file: existing, before, after: before }
  const declarator = findHandle(hooks)
  if (declarator === 'other')
    throw cannotEdit(
      `${existing} exports \`handle\` in a form init does not edit (not \`export const handle = ...\`)`,
    )
  const hook = ensureBinding(hooks, HOOKS_MODULE, HOOK)
  if (hook === undefined) throw cannotEdit(`${existing} already uses the name \`${HOOK}\``)
  if (declarator !== undefined) wrapInSequence(hooks, declarator, hook)
  const printed = printConfigModule(hooks)
  if (declarator !== undefined) return { file: existing, before, after: printed }
  // A new last statement, after the file's own code and an empty line.
  const handle = `export const handle = ${hook}${endStatement(hooks.style)}\n`
  return { file: existing, before, after: `${printed.replace(/\s*$/, '\n')}\n${handle}` }
}

type Declarator = NodeOf<'VariableDeclarator'>

/** The `export const handle = ...` declarator, `'other'` for another form, `undefined` when absent. */
function findHandle(hooks: ConfigModule): Declarator | 'other' | undefined {
  for (const statement of hooks.program.body) {
    if (statement.type !== 'ExportNamedDeclaration') continue
    const declaration = statement.declaration
    if (declaration?.type === 'VariableDeclaration') {
      const found = declaration.declarations.find(
        (item) => item.id.type === 'Identifier' && item.id.name === 'handle',
      )
      if (found !== undefined) return declaration.kind === 'const' && found.init != null ? found : 'other'
    }
    if (declaration?.type === 'FunctionDeclaration' && declaration.id?.name === 'handle') return 'other'
    const named = statement.specifiers.some(
      (item) =>
        item.type === 'ExportSpecifier' &&
        (item.exported.type === 'Identifier' ? item.exported.name : item.exported.value) === 'handle',
    )
    if (named) return 'other'
  }
  return undefined
}

/** `handle = X` becomes `sequence(hook, X)`; `handle = sequence(a, b)` becomes `sequence(hook, a, b)`. */
function wrapInSequence(hooks: ConfigModule, declarator: Declarator, hook: string): void {
  const init = declarator.init as Node
  const value = unwrapTypeScript(init)
  const sequence = findModuleBindings(hooks, '@sveltejs/kit/hooks').named.get('sequence')
  if (
    sequence !== undefined &&
    value.type === 'CallExpression' &&
    value.callee.type === 'Identifier' &&
    value.callee.name === sequence
  ) {
    value.arguments.unshift(parseSnippet(hook) as (typeof value.arguments)[number])
    markChanged(value)
    return
  }
  const binding = ensureBinding(hooks, '@sveltejs/kit/hooks', 'sequence')
  if (binding === undefined) throw cannotEdit('the name `sequence` is already used in the hooks file')
  const call = parseSnippet(`${binding}(${hook}, handle)`)
  if (call.type !== 'CallExpression') throw cannotEdit('the sequence could not be built')
  // The app's own hook goes in as it was parsed, so recast prints it exactly as written.
  call.arguments[1] = init as (typeof call.arguments)[number]
  declarator.init = call as Declarator['init']
  markChanged(declarator)
}

function cannotEdit(problem: string): Error {
  return createError('ERR_CLI_CONFIG_EDIT_FAILED', {
    message: `${problem}. Nothing was written. Add sameorigin's hook by hand:\n\n  import { sequence } from '@sveltejs/kit/hooks'\n  import { ${HOOK} } from '${HOOKS_MODULE}'\n\n  export const handle = sequence(${HOOK}, yourHandle)\n`,
  })
}
