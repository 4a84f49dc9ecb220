import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { JSONPath } from 'jsonc-parser'
import { findNodeAtLocation, parseTree } from 'jsonc-parser'
import type { ArrayExpression, Node, ObjectExpression, ObjectMember, Scope } from './ast.ts'
import { propertyKeyName, unwrapTypeScript } from './ast.ts'
import type { ConfigModule } from './config-module.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import { findConfigExport, findConfigObject } from './find-config-object.ts'
import { readHpmEntries } from './find-proxy-entries.ts'
import type { ProxyContext, ProxyEntry } from './proxy-entry.ts'
import { stuck } from './proxy-entry.ts'
import { rewriteContainer } from './rewrite-container.ts'

/** The entries of one `proxyConfig` file of angular.json, and its text once the moved ones are out. */
export interface AngularProxyFile {
  readonly entries: readonly ProxyEntry[]
  readonly before: string
  /** The file's text after the entries' `remove` calls. */
  readonly print: () => string
}

/**
 * Reads a `proxyConfig` file of `ng serve` (`proxy.conf.json`, or a `.js`/`.mjs`/`.cjs` module
 * exporting the same): an object keyed by path or an array of `{ context, target }`, with
 * http-proxy-middleware's options, which Angular hands to Vite's proxy. JSON is read as a module
 * (`export default <json>`) to translate the entries, and edited as JSON (comments and layout kept).
 * @param label how the entries are named to the user: `proxy.conf.json`
 */
export function readAngularProxyFile(file: string, label: string, root: string): AngularProxyFile {
  const before = readFileSync(file, 'utf8')
  const json = extname(file) === '.json'
  const code = json ? `export default ${before}` : before
  const config = parseConfigModule(json ? `${file}.mjs` : file, code)
  const found = findContainer(config)
  if (found === undefined) {
    const reason = `${label} is not an object or array literal of proxy entries`
    return { entries: [stuck(label, reason)], before, print: () => before }
  }
  const { container, scope } = found
  const context: ProxyContext = { config, code, scope, root, changed: new Set() }
  const read = readHpmEntries(container, label, context)
  if (!json) {
    const print = (): string => {
      for (const list of context.changed) rewriteContainer(config, list, itemsOf(list))
      return context.changed.size === 0 ? before : printConfigModule(config)
    }
    return { entries: read, before, print }
  }
  // JSON: each moved entry is deleted from the text by its key or index (the last first).
  const removed: JSONPath[] = []
  const members = itemsOf(container)
  const entries = read.map((entry, index): ProxyEntry => {
    const member = members[index]
    const key =
      container.type === 'ObjectExpression' && member !== undefined
        ? propertyKeyName(member as ObjectMember)
        : index
    return key === undefined ? entry : { ...entry, remove: () => void removed.push([key]) }
  })
  const print = (): string => {
    let text = before
    for (const path of removed.toReversed()) text = removeJsonMember(text, path)
    return text
  }
  return { entries, before, print }
}

/** The exported object (through `defineConfig`-like calls and constants) or array literal. */
function findContainer(
  config: ConfigModule,
): { container: ObjectExpression | ArrayExpression; scope: Scope } | undefined {
  const exported = findConfigExport(config)
  if ('problem' in exported) return undefined
  const expression = unwrapTypeScript(exported.expression)
  if (expression.type === 'ArrayExpression') return { container: expression, scope: exported.scope }
  const located = findConfigObject(config, exported)
  return 'problem' in located ? undefined : { container: located.object, scope: located.scope }
}

function itemsOf(list: ObjectExpression | ArrayExpression): Node[] {
  return (list.type === 'ArrayExpression' ? list.elements : list.properties) as Node[]
}

/**
 * `text` without the member or element at `path`, each line left as written: from the start of its
 * line to the start of the next one's, or for the last one from the comma before it.
 */
function removeJsonMember(text: string, path: JSONPath): string {
  const tree = parseTree(text, [], { allowTrailingComma: true })
  const value = tree === undefined ? undefined : findNodeAtLocation(tree, path)
  const node = typeof path[0] === 'number' ? value : value?.parent
  const siblings = node?.parent?.children
  if (node === undefined || siblings === undefined) return text
  const at = siblings.indexOf(node)
  const next = siblings[at + 1]
  const previous = siblings[at - 1]
  const lineStart = (offset: number): number => text.lastIndexOf('\n', offset - 1) + 1
  if (next !== undefined) return text.slice(0, lineStart(node.offset)) + text.slice(lineStart(next.offset))
  const end = node.offset + node.length
  if (previous === undefined)
    return text.slice(0, lineStart(node.offset)) + text.slice(end).replace(/^,?[^\S\n]*\n?/, '')
  return text.slice(0, previous.offset + previous.length) + text.slice(end).replace(/^,/, '')
}
