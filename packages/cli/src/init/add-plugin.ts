import type { ArrayExpression, Node } from './ast.ts'
import { findMember, markChanged, resolveConstant, sourceOf, unwrapTypeScript, walk } from './ast.ts'
import type { ConfigModule } from './config-module.ts'
import { quoteString } from './code-style.ts'
import { ensureBinding, findModuleBindings, usesBindings } from './module-bindings.ts'
import { parseSnippet, rewriteContainer } from './rewrite-container.ts'
import type { ConfigExport, LocatedObject } from './find-config-object.ts'
import type { ModuleTool } from './plugin-wiring.ts'
import { PLUGIN_WIRING } from './plugin-wiring.ts'
import { shorten } from './read-static-value.ts'

/**
 * What happened to the plugin: added (and whether the config object gained a member, which the
 * caller then writes afresh, see `rewriteContainer`), or why it could not be added.
 */
export type PluginEdit =
  | { readonly status: 'added'; readonly objectChanged: boolean }
  | { readonly problem: string }

/**
 * True when the file already loads and uses sameorigin for `tool`: a call (or `new`) of what it
 * imports from the tool's package or its unplugin entry. A Vite config may default-import
 * `@sameorigin/vite`, whose default export is the same plugin.
 */
export function hasPlugin(config: ConfigModule, tool: ModuleTool): boolean {
  const wiring = PLUGIN_WIRING[tool]
  // A Nuxt module is named by its package, as a string in `modules`.
  if (wiring.imported === undefined) return mentions(config, wiring.from)
  return [wiring.from, ...wiring.alternatives].some((source) =>
    usesBindings(config, findModuleBindings(config, source)),
  )
}

/**
 * Adds the tool's plugin to the `plugins` array of the config object (creating the array when the
 * object has none), and the import or `require` it needs. A `plugins` that is not an array literal
 * (or a `const` holding one), or an object that spreads another one which may hold `plugins`, is a
 * problem: the edit would not be certain.
 */
export function addPlugin(config: ConfigModule, tool: ModuleTool, located: LocatedObject): PluginEdit {
  const wiring = PLUGIN_WIRING[tool]
  const list = wiring.list
  const member = findMember(located.object, list)
  let array: ArrayExpression | undefined
  if (member !== undefined) {
    if (member.type !== 'ObjectProperty') return { problem: `\`${list}\` is computed when the config runs` }
    array = resolveArray(member.value, located)
    if (array === undefined)
      return {
        problem: `\`${list}\` is \`${shorten(sourceOf(member.value, config.code))}\`, not an array literal`,
      }
  } else if (located.object.properties.some((property) => property.type === 'SpreadElement')) {
    return { problem: `its config object spreads another object, whose \`${list}\` a new key would replace` }
  }
  const binding = bindPlugin(config, tool)
  if (binding === undefined)
    return { problem: `the name \`${wiring.local ?? wiring.imported}\` is already used in the file` }
  if (array !== undefined) {
    const elements = array.elements
    if (elements.some((element) => element === null))
      return { problem: `\`${list}\` has holes (\`[a, , b]\`)` }
    rewriteContainer(config, array, [...(elements as Node[]), wiring.create(binding)])
  } else {
    const holder = unwrapTypeScript(parseSnippet(`{ ${list}: [${wiring.create(binding)}] }`))
    if (holder.type !== 'ObjectExpression') return { problem: `the ${list} list could not be built` }
    located.object.properties.push(...holder.properties)
    markChanged(located.object)
    return { status: 'added', objectChanged: true }
  }
  return { status: 'added', objectChanged: false }
}

/**
 * The expression that names the plugin in the file: an import added or reused, or for a Nuxt module
 * its package name as a string. `undefined` when the import's name is taken.
 */
function bindPlugin(config: ConfigModule, tool: ModuleTool): string | undefined {
  const wiring = PLUGIN_WIRING[tool]
  if (wiring.imported === undefined) return quoteString(wiring.from, config.style)
  // Vite's default export is the plugin too: a default import is reused rather than doubled.
  const existingDefault =
    wiring.from === PLUGIN_WIRING.vite.from
      ? findModuleBindings(config, wiring.from).named.get('default')
      : undefined
  return existingDefault ?? ensureBinding(config, wiring.from, wiring.imported, wiring.local)
}

/** True when the file holds the string `text` (a module named in Nuxt's `modules`). */
function mentions(config: ConfigModule, text: string): boolean {
  let found = false
  walk(config.program, (node) => {
    if (node.type === 'StringLiteral' && node.value === text) found = true
  })
  return found
}

/** The array literal the list holds, directly or through `const`s. */
function resolveArray(value: Node, located: LocatedObject): ArrayExpression | undefined {
  let node = unwrapTypeScript(value)
  let scope = located.scope
  while (node.type === 'Identifier') {
    const constant = resolveConstant(node.name, scope)
    if (constant === undefined) return undefined
    node = unwrapTypeScript(constant.init)
    scope = constant.scope
  }
  return node.type === 'ArrayExpression' ? node : undefined
}

/**
 * Next: wraps the exported config in `withSameOrigin(...)` (packages/next/README.md), whatever it is
 * (an object, a variable, a function config, another plugin's wrapper): `withSameOrigin` accepts all.
 */
export function wrapNextConfig(
  config: ConfigModule,
  exported: ConfigExport,
  mode: 'rewrites' | 'route' = 'rewrites',
): PluginEdit {
  const wiring = PLUGIN_WIRING.next
  const expression = unwrapTypeScript(exported.expression)
  if (expression.type === 'FunctionDeclaration')
    return {
      problem:
        'its default export is a function declaration, which cannot be passed to withSameOrigin as written',
    }
  const binding = ensureBinding(config, wiring.from, 'withSameOrigin')
  if (binding === undefined) return { problem: 'the name `withSameOrigin` is already used in the file' }
  // Route mode is the second argument, as @sameorigin/next's README writes it.
  const options = mode === 'route' ? `, { mode: ${quoteString('route', config.style)} }` : ''
  const call = parseSnippet(`${binding}(config${options})`)
  if (call.type !== 'CallExpression') return { problem: 'the wrapper could not be built' }
  // The user's expression goes in as it was parsed, so recast prints it exactly as written.
  call.arguments[0] = exported.expression as (typeof call.arguments)[number]
  exported.replace(call)
  return { status: 'added', objectChanged: false }
}
