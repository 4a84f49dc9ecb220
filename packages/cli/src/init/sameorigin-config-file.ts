import { readFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { findConfigFile } from '@sameorigin/core'
import type { ArrayExpression, Node, ObjectExpression } from './ast.ts'
import { createModuleScope, findMember, propertyKeyName, unwrapTypeScript } from './ast.ts'
import { toInlineComments } from './entry-comments.ts'
import type { CodeStyle } from './code-style.ts'
import { endStatement, quoteString } from './code-style.ts'
import type { ConfigModule } from './config-module.ts'
import { parseConfigModule, printConfigModule } from './config-module.ts'
import { findModuleBindings } from './module-bindings.ts'
import { rewriteContainer } from './rewrite-container.ts'
import { findConfigExport, findConfigObject } from './find-config-object.ts'
import { isStaticObject, readStaticValue } from './read-static-value.ts'
import type { StaticValue } from './read-static-value.ts'
import type { RouteDraft } from './route-draft.ts'
import { serializeKey, serializeValue } from './serialize-value.ts'

/** The result of placing one route: written, already there as is, or why it cannot go in. */
export type Placement = 'added' | 'present' | { readonly reason: string }

/** The `sameorigin.config.*` that receives the moved routes: an existing one, or a new one. */
export interface SameoriginConfigFile {
  /** Absolute path. */
  readonly file: string
  /** The text before init, `undefined` for a new file. */
  readonly before: string | undefined
  /** What {@link place} would do, without doing it. */
  check(route: RouteDraft): Placement
  /** Adds a route after the existing ones (routes are tried in order). */
  place(route: RouteDraft): Placement
  /** The text after init. */
  print(): string
  /** True when the file imports from `@sameorigin/core` (so the project needs it installed). */
  importsCore(): boolean
}

/** The file name init creates: the documented, typed form. */
const NEW_CONFIG_NAME = 'sameorigin.config.ts'

/**
 * Opens the config file the adapters will load for `root` (the nearest `sameorigin.config.*` up to the
 * workspace root, as `findConfigFile` finds it), or prepares `sameorigin.config.ts` in `root`.
 */
export function openSameoriginConfig(root: string, style: CodeStyle, adapter: string): SameoriginConfigFile {
  const existing = findConfigFile(root)
  if (existing === undefined) return createNewConfig(join(root, NEW_CONFIG_NAME), style, adapter)
  const before = readFileSync(existing, 'utf8')
  const refuse = (reason: string): SameoriginConfigFile => ({
    file: existing,
    before,
    check: () => ({ reason }),
    place: () => ({ reason }),
    print: () => before,
    importsCore: () => before.includes('@sameorigin/core'),
  })
  if (extname(existing) === '.json')
    return refuse(`init does not edit ${basename(existing)}; add the route to it by hand`)
  let config: ConfigModule
  try {
    config = parseConfigModule(existing, before)
  } catch (error) {
    return refuse(`${basename(existing)} could not be parsed (${(error as Error).message})`)
  }
  const exported = findConfigExport(config)
  const located = 'problem' in exported ? exported : findConfigObject(config, exported)
  if ('problem' in located) return refuse(`${basename(existing)}: ${located.problem}; add the route by hand`)
  return editExistingConfig(config, located.object, before)
}

/** A new config imports `defineConfig` from the adapter the project installs: the one package it needs. */
function createNewConfig(file: string, style: CodeStyle, adapter: string): SameoriginConfigFile {
  const routes: RouteDraft[] = []
  const seen = new Map<string, string>()
  return {
    file,
    before: undefined,
    check(route) {
      const known = seen.get(route.path)
      if (known === undefined) return 'added'
      return known === serializeValue(route.value, style, 2) ? 'present' : conflict(route.path, known)
    },
    place(route) {
      const placement = this.check(route)
      if (placement !== 'added') return placement
      seen.set(route.path, serializeValue(route.value, style, 2))
      routes.push(route)
      return 'added'
    },
    print() {
      const i = style.indent
      const comma = style.trailingComma ? ',' : ''
      const body =
        routes.length === 0
          ? `${i}// The paths the dev server forwards to your backend, e.g. ${quoteString('/api', style)}: ${quoteString('http://127.0.0.1:8080', style)}\n${i}routes: {}${comma}`
          : `${i}routes: {\n${routes
              .map((route, index) => {
                const last = index === routes.length - 1 && !style.trailingComma
                const comments = (route.comments ?? []).map((comment) => `${i}${i}${comment}\n`).join('')
                return `${comments}${i}${i}${serializeKey(route.path, style)}: ${serializeValue(route.value, style, 2)}${last ? '' : ','}`
              })
              .join('\n')}\n${i}}${comma}`
      return [
        `import { defineConfig } from ${quoteString(adapter, style)}${endStatement(style)}`,
        '',
        `export default defineConfig({\n${body}\n})${endStatement(style)}`,
        '',
      ].join('\n')
    },
    importsCore: () => false,
  }
}

function conflict(path: string, existing: string): { reason: string } {
  return { reason: `sameorigin.config already has the route '${path}' (${existing.replace(/\s+/g, ' ')})` }
}

function editExistingConfig(
  config: ConfigModule,
  object: ObjectExpression,
  before: string,
): SameoriginConfigFile {
  const style = config.style
  let routesNode: ObjectExpression | ArrayExpression | undefined
  let problem: string | undefined
  const member = findMember(object, 'routes')
  if (member !== undefined) {
    const value = member.type === 'ObjectProperty' ? unwrapTypeScript(member.value) : undefined
    if (value?.type === 'ObjectExpression' || value?.type === 'ArrayExpression') routesNode = value
    else problem = 'its `routes` is computed when the config runs; add the route by hand'
  }
  // Path → the route's value as code (for an array entry: the entry without `path`).
  const existing = new Map<string, string>()
  const scope = createModuleScope(config.program)
  if (routesNode?.type === 'ObjectExpression') {
    for (const property of routesNode.properties) {
      const key = propertyKeyName(property)
      if (key === undefined || property.type !== 'ObjectProperty') continue
      const read = readStaticValue(property.value, config.code, scope)
      existing.set(key, 'value' in read ? serializeValue(read.value, style, 2) : '(computed)')
    }
  } else if (routesNode?.type === 'ArrayExpression') {
    for (const element of routesNode.elements) {
      if (element === null || element.type === 'SpreadElement') continue
      const read = readStaticValue(element, config.code, scope)
      if (!('value' in read) || !isStaticObject(read.value)) continue
      const { path, ...rest } = read.value as Record<string, StaticValue>
      for (const one of Array.isArray(path) ? path : [path]) {
        if (typeof one === 'string') existing.set(one, serializeValue(rest, style, 2))
      }
    }
  }
  // Routes placed so far, as code: written into the file by `print`.
  const added: string[] = []
  let printed: string | undefined
  // How a route is written in this file: its value, or for the array form the entry without `path`.
  const textOf = (route: RouteDraft): string => {
    if (routesNode?.type !== 'ArrayExpression') return serializeValue(route.value, style, 2)
    const options =
      typeof route.value === 'object' && isStaticObject(route.value) ? route.value : { target: route.value }
    return serializeValue(options, style, 2)
  }
  return {
    file: config.file,
    before,
    check(route) {
      if (problem !== undefined) return { reason: problem }
      const known = existing.get(route.path)
      if (known === undefined) return 'added'
      return known === textOf(route) ? 'present' : conflict(route.path, known)
    },
    place(route) {
      const placement = this.check(route)
      if (placement !== 'added') return placement
      const text = textOf(route)
      const comments = toInlineComments(route.comments ?? [])
      if (routesNode?.type === 'ArrayExpression') {
        const value =
          typeof route.value === 'object' && isStaticObject(route.value)
            ? route.value
            : { target: route.value }
        added.push(comments + serializeValue({ path: route.path, ...value }, style, 0))
      } else {
        added.push(`${comments}${serializeKey(route.path, style)}: ${serializeValue(route.value, style, 0)}`)
      }
      existing.set(route.path, text)
      return 'added'
    },
    print() {
      if (printed !== undefined) return printed
      if (added.length === 0) return before
      if (routesNode === undefined) {
        // No `routes` yet: the config object gains one, written in the file's style.
        const routes = `routes: {\n${added.map((item) => `${style.indent}${item},`).join('\n')}\n}`
        rewriteContainer(config, object, [...object.properties, routes])
      } else {
        const items = routesNode.type === 'ArrayExpression' ? routesNode.elements : routesNode.properties
        rewriteContainer(config, routesNode, [...(items as Node[]), ...added], { expandEmpty: true })
      }
      printed = printConfigModule(config)
      return printed
    },
    importsCore() {
      const bindings = findModuleBindings(config, '@sameorigin/core')
      return bindings.named.size > 0 || bindings.namespaces.length > 0
    },
  }
}
