import type { Logger, SameOriginOptions, ServerProxy } from '@sameorigin/core'

/**
 * One `astro dev` or `astro preview` of a project, as its integration saw it: the options exactly as
 * given (functions included), Astro's logger, and the proxy the middleware made for it.
 */
export interface AstroRun {
  readonly command: 'dev' | 'preview'
  readonly options: SameOriginOptions & { readonly production?: boolean }
  readonly logger: Logger
  /** Made by the middleware on its first request, closed with the dev server. */
  proxy?: ServerProxy
}

// The integration runs in Astro's own process; the middleware runs in the same process in `astro dev`
// (Vite's module runner) and in `astro preview` (the adapter imports the built server), but as a
// separate module instance. A global keyed by `Symbol.for` is what both see. A built server started on
// its own finds nothing here and uses the options baked into its bundle.
const RUNS = Symbol.for('@sameorigin/astro:runs')

function runs(): Map<string, AstroRun> {
  const scope = globalThis as { [RUNS]?: Map<string, AstroRun> }
  scope[RUNS] ??= new Map()
  return scope[RUNS]
}

/** Records the run of the project at `root`, closing the proxy of the one it replaces (a restart). */
export function registerRun(root: string, run: AstroRun): void {
  const previous = runs().get(root)
  runs().set(root, run)
  void previous?.proxy?.close()
}

/** The run of the project at `root` in this process, if Astro started one here. */
export function findRun(root: string): AstroRun | undefined {
  return runs().get(root)
}

/** Forgets `run` (when it is still the project's current one) and closes its proxy. */
export async function closeRun(root: string, run: AstroRun): Promise<void> {
  if (runs().get(root) === run) runs().delete(root)
  await run.proxy?.close()
}
