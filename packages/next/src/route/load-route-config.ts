import process from 'node:process'
import { resolve } from 'node:path'
import type { ConfigWatcher, Logger, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createNextLogger } from '../next-logger.ts'
import { importCore } from './import-core.ts'

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
    const core = await importCore('', resolve(root ?? process.cwd()))
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
