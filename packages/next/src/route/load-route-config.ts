import process from 'node:process'
import { join, resolve } from 'node:path'
import type { ConfigWatcher, Logger, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createNextLogger } from '../next-logger.ts'

// Package names held in variables: a literal `resolve('…')` is what bundlers rewrite.
const SELF = '@sameorigin/next/package.json'
const CORE = '@sameorigin/core'

/** Where the route handler and `serverFetch` find their routes. */
export interface RouteConfigOptions extends SameOriginOptions {
  /**
   * The config file, relative to `root`, or `false` to use only the routes given here.
   * @default the nearest `sameorigin.config.*` from `root` up to the workspace root
   */
  configFile?: string | false
  /**
   * The Next app's root, where the config file search starts.
   * @default process.cwd() (where `next dev` / `next start` run)
   */
  root?: string
}

/** Resolves the routes: loaded on the first call, then the latest good config (live reload). */
export type ConfigLoader = () => Promise<ResolvedConfig>

/** What one loader keeps: the config being served, and the watcher once there is one. */
interface LoaderState {
  loaded: Promise<ResolvedConfig> | undefined
  watcher: ConfigWatcher | undefined
}

// A route module replaced in `next dev` (an edit of route.ts) leaves its handlers and their loader
// behind; once they are collected, their watcher is closed, so edits are not reported twice.
const abandoned = new FinalizationRegistry<LoaderState>((state) => void state.watcher?.close())

/**
 * Loads and resolves the routes once per options object: nothing happens until the first request,
 * which pays for it, and later ones share the promise. The mode follows `NODE_ENV` (Next sets it), so
 * `.env.development` applies in `next dev` as it does for `withSameOrigin`. In development the first
 * good load starts watching the config file and the env files it reads (`watchConfig`, once per
 * loader, never keeping the process alive): an edit replaces the config for the requests after it,
 * one line in `logger` says what changed, and a bad edit keeps the last good config and prints its
 * problems once. With `NODE_ENV=production` (`next start`) nothing is watched.
 */
export function createConfigLoader(options: RouteConfigOptions, logger?: Logger): ConfigLoader {
  const state: LoaderState = { loaded: undefined, watcher: undefined }
  const { root, ...adapterOptions } = options
  const load = async (): Promise<ResolvedConfig> => {
    const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development'
    const core = await importCore(resolve(root ?? process.cwd()))
    const resolved = await core.loadHostConfig(adapterOptions, { root, mode })
    if (mode === 'development' && state.watcher === undefined) {
      state.watcher = core.watchConfig(adapterOptions, {
        root,
        mode,
        current: resolved,
        logger: logger ?? createNextLogger(),
        apply: (next) => void (state.loaded = Promise.resolve(next)),
      })
      // Edits saved once the first answer is out are seen.
      await state.watcher.ready
    }
    return resolved
  }
  const loader: ConfigLoader = () => {
    if (state.loaded !== undefined) return state.loaded
    const loading = load()
    state.loaded = loading
    // A failed load is retried on the next request (the user may be fixing the file).
    loading.catch(() => {
      if (state.loaded === loading) state.loaded = undefined
    })
    return loading
  }
  abandoned.register(loader, state)
  return loader
}

/**
 * The core's main entry (`loadHostConfig` and `watchConfig`, every adapter's way to load and reload
 * its config), imported by Node at run time rather than through Next's bundler. Next bundles packages
 * it finds outside node_modules (a workspace link) despite `serverExternalPackages`, and jiti, which
 * loads a TypeScript config file, cannot run from a bundle. The bundler rewrites
 * `createRequire(import.meta.url)` calls it can see, so `node:module` is reached through
 * `process.getBuiltinModule`, and the core is found the way Node would from the app: through
 * `@sameorigin/next`, which the app depends on.
 */
async function importCore(root: string): Promise<typeof import('@sameorigin/core')> {
  const { createRequire } = process.getBuiltinModule('node:module')
  const { pathToFileURL } = process.getBuiltinModule('node:url')
  const fromApp = createRequire(join(root, 'package.json'))
  const fromAdapter = createRequire(fromApp.resolve(SELF))
  const entry = pathToFileURL(fromAdapter.resolve(CORE)).href
  return (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ entry
  )) as typeof import('@sameorigin/core')
}

let shared: ConfigLoader | undefined

/**
 * The loader of the ready-made exports (`GET` …, `pagesHandler`, `serverFetch`: no options, the
 * nearest config file): one for all of them, created on its first call, so importing the module
 * loads nothing, the config file is read once and watched once, whichever export a request reaches
 * first.
 */
export const loadSharedConfig: ConfigLoader = () => {
  shared ??= createConfigLoader({})
  return shared()
}
