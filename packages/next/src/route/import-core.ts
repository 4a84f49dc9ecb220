import process from 'node:process'
import { join } from 'node:path'

// Package names held in variables: a literal `resolve('…')` is what bundlers rewrite.
const SELF = '@sameorigin/next/package.json'
const CORE = '@sameorigin/core'

/** The core's entries the handlers load at run time, by subpath. */
interface CoreEntries {
  '': typeof import('@sameorigin/core')
  '/fetch': typeof import('@sameorigin/core/fetch')
}

/**
 * One of the core's entries (`''`: the main one, with `loadHostConfig`, `watchConfig` and the Node
 * engine; `'/fetch'`: the Fetch transport, on Node), imported by Node at run time rather than through
 * Next's bundler. Next bundles packages it finds outside node_modules (a workspace link) despite
 * `serverExternalPackages`, and bundled code cannot do what the core does with its own files: jiti,
 * which loads a TypeScript config file, cannot run from a bundle, and Turbopack turns the inspector's
 * `new URL(file, import.meta.url)` reads of its page into one asset. The bundler rewrites
 * `createRequire(import.meta.url)` calls it can see, so `node:module` is reached through
 * `process.getBuiltinModule`, and the core is found the way Node would from the app (`root`, default
 * the working directory, where `next dev` runs): through `@sameorigin/next`, which the app depends on.
 */
export async function importCore<Entry extends keyof CoreEntries>(
  entry: Entry,
  root: string = process.cwd(),
): Promise<CoreEntries[Entry]> {
  const { createRequire } = process.getBuiltinModule('node:module')
  const { pathToFileURL } = process.getBuiltinModule('node:url')
  const fromApp = createRequire(join(root, 'package.json'))
  const fromAdapter = createRequire(fromApp.resolve(SELF))
  const url = pathToFileURL(fromAdapter.resolve(`${CORE}${entry}`)).href
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as CoreEntries[Entry]
}
