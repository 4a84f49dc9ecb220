import process from 'node:process'
import { reportClientFile } from '@sameorigin/core'
import type { CompilerLike } from './dev-server.ts'
import type { LoadingEngine } from './load-engine.ts'

const NAME = 'sameorigin:report-client'

/**
 * Puts the report client (`@sameorigin/core/report-client.js`: it tells the dev server about the
 * page's calls to other origins that the browser blocked) before every entry of the compilers a dev
 * server serves, the way the dev servers add their own client: `EntryPlugin` with no name.
 *
 * Only the dev server's `setupMiddlewares` calls this, so `webpack build` and `rspack build` (watching
 * or not) never add it. Whether to add it is the config's (`inspector: false`: nothing), and the config
 * loads asynchronously: the first compile waits for it in `beforeCompile`, where the plugin is applied,
 * once. `setupMiddlewares` always runs before that compile: webpack-dev-server 5 and Rspack's dev
 * server start watching after it, webpack-dev-server 6 runs it in the first watch run's `watchRun`.
 * Rspack reads its built-in plugins (the entry is one) when its first compile starts, after `beforeCompile`.
 */
export function addReportClient(compilers: readonly CompilerLike[], engine: LoadingEngine): void {
  for (const compiler of compilers) {
    const { EntryPlugin } = compiler.webpack ?? {}
    const hook = compiler.hooks?.beforeCompile
    if (EntryPlugin === undefined || hook === undefined) continue
    let decided = false
    hook.tapPromise(NAME, async () => {
      if (decided) return
      decided = true
      // A config that does not load fails the dev server's start (`onListening`), not the compile.
      const outcome = await engine.ready.then(engine.outcome, () => undefined)
      if (outcome === undefined || !('resolved' in outcome) || outcome.resolved.inspector === false) return
      const context = compiler.context ?? process.cwd()
      new EntryPlugin(context, reportClientFile, { name: undefined }).apply(compiler as never)
    })
  }
}
