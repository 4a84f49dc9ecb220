import type { RsbuildPlugin } from '@rsbuild/core'

/** How many builds the dev server's compiler ran, and how often its watcher saw a file of the build change. */
export interface BuildCounts {
  builds: number
  invalidations: number
}

/** An Rsbuild plugin counting the dev server's builds and invalidations into `counts`. */
export function countBuilds(): { counts: BuildCounts; plugin: RsbuildPlugin } {
  const counts: BuildCounts = { builds: 0, invalidations: 0 }
  const plugin: RsbuildPlugin = {
    name: 'test:count-builds',
    setup(api) {
      api.onAfterCreateCompiler(({ compiler }) => {
        compiler.hooks.done.tap('count-builds', () => void counts.builds++)
        compiler.hooks.invalid.tap('count-builds', () => void counts.invalidations++)
      })
    },
  }
  return { counts, plugin }
}
