import type { Plugin } from 'vite'
import type { SameoriginAstroOptions } from './integration.ts'
import { toModuleSource } from './to-module-source.ts'

/** What the middleware imports its options from. */
export const OPTIONS_MODULE_ID = 'virtual:@sameorigin/astro/options'
/** What the middleware imports the core through: a Node import, never bundled. */
const SERVER_ENTRY = '@sameorigin/astro/server'
const RESOLVED_ID = `\0${OPTIONS_MODULE_ID}`

/** What {@link optionsModule} bakes into the options module. */
export interface OptionsModuleInput {
  /** Astro's `root` as a path: the key of this project's run (see `astro-runs.ts`). */
  readonly root: string
  readonly command: 'dev' | 'build' | 'preview' | 'sync'
  readonly options: SameoriginAstroOptions
}

/**
 * The Vite plugin that serves `virtual:@sameorigin/astro/options` to the middleware: the project's
 * root, whether the bundle is a dev one, and the integration's options as source. A built server
 * started on its own has only these. A function in the options cannot be written into a bundle: with
 * `production: true` that fails the build, naming the key; otherwise the built server does not
 * forward (only dev and preview do, where the middleware takes the options as given), and it is left out.
 */
export function optionsModule({ root, command, options }: OptionsModuleInput): Plugin {
  const source = (): string => {
    const optionsSource = toModuleSource(options, (path) => {
      if (command === 'build' && options.production === true)
        throw new Error(
          `[sameorigin] ${path} is a function, and a built server (production: true) cannot take a ` +
            'function from astro.config: move that route to sameorigin.config.ts, which the server loads ' +
            "itself (e.g. export default defineConfig({ routes: { '/api': { target, headers: () => ({}) } } }))",
        )
    })
    return [
      `export const root = ${JSON.stringify(root)}`,
      `export const dev = ${JSON.stringify(command === 'dev')}`,
      `export const options = ${optionsSource}`,
    ].join('\n')
  }
  return {
    name: 'sameorigin:astro:options',
    // Before Vite's own resolver, which would bundle a linked package.
    enforce: 'pre',
    // A build bundles the middleware into the app's server (it imports this module), but the core
    // must stay a Node import: its config loader reads files beside itself. The middleware reaches it
    // through this package's `/server` entry, which the app can resolve (it depends on this package,
    // not on @sameorigin/core) and the build leaves to Node, even for a linked workspace package.
    // `astro dev` runs the middleware where it lies and resolves the entry from there.
    resolveId: (id) => {
      if (id === OPTIONS_MODULE_ID) return RESOLVED_ID
      return id === SERVER_ENTRY && command === 'build' ? { id, external: true } : undefined
    },
    load: (id) => (id === RESOLVED_ID ? source() : undefined),
  }
}
