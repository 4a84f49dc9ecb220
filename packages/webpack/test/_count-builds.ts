import type { Compiler } from 'webpack'

/**
 * A plugin counting the compiler's builds, and its invalidations (webpack's watcher noticing that a
 * file of the build changed). webpack watches the build's files from the end of the first build on.
 */
export class CountBuilds {
  builds = 0
  invalidations = 0
  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('count-builds', () => void this.builds++)
    compiler.hooks.invalid.tap('count-builds', () => void this.invalidations++)
  }
}
