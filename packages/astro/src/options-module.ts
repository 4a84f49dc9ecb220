import type { Plugin } from 'vite'
import type { SameoriginAstroOptions } from './integration.ts'
import { toModuleSource } from './to-module-source.ts'

/** What the middleware imports its options from. */
export const OPTIONS_MODULE_ID = 'virtual:@sameorigin/astro/options'
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
    const options_ = toModuleSource(options, (path) => {
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
      `export const options = ${options_}`,
    ].join('\n')
  }
  return {
    name: 'sameorigin:astro:options',
    resolveId: (id) => (id === OPTIONS_MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? source() : undefined),
  }
}
