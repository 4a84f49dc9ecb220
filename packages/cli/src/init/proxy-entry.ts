import type { ArrayExpression, Node, ObjectExpression, Scope } from './ast.ts'
import { resolveConstant, unwrapTypeScript } from './ast.ts'
import type { ConfigModule } from './config-module.ts'
import type { Translation } from './route-draft.ts'

/** One entry of the tool's own proxy config, what it becomes, and how to take it out. */
export interface ProxyEntry {
  /** Where it is, as the user would name it: `server.proxy['/api']`, `devServer.proxy[0]`. */
  readonly from: string
  readonly translation: Translation
  /** The tool's test for whether the entry takes a path; `undefined` when it may take any. */
  readonly matches: ((path: string) => boolean) | undefined
  /** The paths the entry itself names (for the order check). */
  readonly paths: readonly string[]
  /** Takes the entry out of the syntax tree. */
  readonly remove: () => void
  /** The comments written in and around the entry, as written (they move with it). */
  readonly comments?: readonly string[]
  /** Moves only together with the entry named here (Vite's `preview.proxy` repeating `server.proxy`). */
  readonly follows?: string
}

/** Every proxy entry of a config, in the order the tool tries them, and the tidy-up after removals. */
export interface ProxyEntries {
  readonly entries: readonly ProxyEntry[]
  /**
   * Removes containers left empty by removals (`proxy: {}`, `server: {}`, an empty `rewrites()`) and
   * rewrites the lists that changed. Returns true when the config object itself lost a member (the
   * caller rewrites it once, with its own edits).
   */
  readonly tidy: () => boolean
}

/** What reading a config's proxy entries needs, and the lists their removal changed. */
export interface ProxyContext {
  readonly config: ConfigModule
  readonly code: string
  readonly scope: Scope
  readonly root: string
  /** Lists that lost items: written afresh by `tidy` (see `rewriteContainer`). */
  readonly changed: Set<ArrayExpression | ObjectExpression>
}

/** An entry that cannot be read at all: it stays, and may take any path. */
export function stuck(from: string, reason: string): ProxyEntry {
  return { from, translation: { reason }, matches: undefined, paths: [], remove: () => undefined }
}

/** An object or array literal, directly or through `const`s. */
export function resolveContainer(
  node: Node,
  scope: Scope,
): { node: ObjectExpression | ArrayExpression; scope: Scope; viaConstant: boolean } | undefined {
  let current = unwrapTypeScript(node)
  let currentScope = scope
  let viaConstant = false
  while (current.type === 'Identifier') {
    const constant = resolveConstant(current.name, currentScope)
    if (constant === undefined) return undefined
    current = unwrapTypeScript(constant.init)
    currentScope = constant.scope
    viaConstant = true
  }
  if (current.type !== 'ObjectExpression' && current.type !== 'ArrayExpression') return undefined
  return { node: current, scope: currentScope, viaConstant }
}
