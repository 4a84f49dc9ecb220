import process from 'node:process'
import { join, resolve } from 'node:path'
import type { loadHostConfig as LoadHostConfig, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'

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

/** Loads the routes on first call; later calls share the result. */
export type ConfigLoader = () => Promise<ResolvedConfig>

/**
 * Loads and resolves the routes once per options object: nothing happens until the first request,
 * which pays for it, and later ones share the promise. The mode follows `NODE_ENV` (Next sets it), so
 * `.env.development` applies in `next dev` as it does for `withSameOrigin`.
 */
export function createConfigLoader(options: RouteConfigOptions): ConfigLoader {
  let loaded: Promise<ResolvedConfig> | undefined
  return () => {
    loaded ??= (async () => {
      const { root, ...adapterOptions } = options
      const mode = process.env.NODE_ENV === 'production' ? 'production' : 'development'
      const loadHostConfig = await importLoadHostConfig(resolve(root ?? process.cwd()))
      return loadHostConfig(adapterOptions, { root, mode })
    })()
    // A failed load is retried on the next request (the user may be fixing the file).
    loaded.catch(() => {
      loaded = undefined
    })
    return loaded
  }
}

/**
 * The core's `loadHostConfig` (every adapter's way to load its config), imported by Node at run time rather than through Next's bundler. Next
 * bundles packages it finds outside node_modules (a workspace link) despite `serverExternalPackages`,
 * and jiti, which loads a TypeScript config file, cannot run from a bundle. The bundler rewrites
 * `createRequire(import.meta.url)` calls it can see, so `node:module` is reached through
 * `process.getBuiltinModule`, and the core is found the way Node would from the app: through
 * `@sameorigin/next`, which the app depends on.
 */
async function importLoadHostConfig(root: string): Promise<typeof LoadHostConfig> {
  const { createRequire } = process.getBuiltinModule('node:module')
  const { pathToFileURL } = process.getBuiltinModule('node:url')
  const fromApp = createRequire(join(root, 'package.json'))
  const fromAdapter = createRequire(fromApp.resolve(SELF))
  const entry = pathToFileURL(fromAdapter.resolve(CORE)).href
  const core = (await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ entry
  )) as typeof import('@sameorigin/core')
  return core.loadHostConfig
}

let shared: ConfigLoader | undefined

/**
 * The loader of the ready-made exports (`GET` …, `pagesHandler`, `serverFetch`: no options, the
 * nearest config file): one for all of them, created on its first call, so importing the module
 * loads nothing and the config file is read once, whichever export a request reaches first.
 */
export const loadSharedConfig: ConfigLoader = () => {
  shared ??= createConfigLoader({})
  return shared()
}
