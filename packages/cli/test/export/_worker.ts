import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { parse } from 'jsonc-parser'
import { Miniflare } from 'miniflare'
import type { MiniflareOptions } from 'miniflare'

/** Where `@sameorigin/core` is installed for this package: the exported Worker's import resolves there. */
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url))

/** What the tests read of `wrangler.jsonc`. */
interface WranglerConfig {
  readonly main: string
  readonly compatibility_date: string
  readonly assets?: {
    readonly directory: string
    readonly binding: string
    readonly not_found_handling: 'single-page-application' | '404-page' | 'none'
    readonly run_worker_first: boolean | readonly string[]
  }
}

/**
 * Bundles the exported Worker as `wrangler deploy` does: esbuild, ESM, platform neutral, the
 * `workerd`/`worker`/`browser` conditions (so `@sameorigin/core/fetch` is its `default` entry, the
 * runtime's fetch), everything inlined. `@sameorigin/core` is found through this package's
 * node_modules, as `npm i @sameorigin/core` would put it beside the Worker.
 */
export async function bundleWorker(dir: string, main: string): Promise<string> {
  const result = await build({
    entryPoints: [join(dir, main)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    nodePaths: [NODE_MODULES],
    target: 'es2024',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

/**
 * miniflare's options for the folder `sameorigin export cloudflare` wrote: the bundled Worker, and
 * the assets as wrangler turns `assets` into the asset router's config (`run_worker_first: true` →
 * the Worker ahead of every asset; a list → `static_routing`, `!` patterns for the assets).
 */
export async function toMiniflareOptions(dir: string): Promise<MiniflareOptions> {
  const config = parse(readFileSync(join(dir, 'wrangler.jsonc'), 'utf8')) as WranglerConfig
  const script = await bundleWorker(dir, config.main)
  const { assets } = config
  const first = assets?.run_worker_first
  return {
    modules: [{ type: 'ESModule', path: join(dir, 'bundle.mjs'), contents: script }],
    modulesRoot: dir,
    compatibilityDate: config.compatibility_date,
    ...(assets === undefined
      ? {}
      : {
          assets: {
            directory: resolve(dir, assets.directory),
            binding: assets.binding,
            routerConfig: {
              has_user_worker: true,
              invoke_user_worker_ahead_of_assets: first === true,
              ...(Array.isArray(first)
                ? {
                    static_routing: {
                      user_worker: first.filter((glob: string) => !glob.startsWith('!')),
                      asset_worker: first
                        .filter((glob: string) => glob.startsWith('!'))
                        .map((glob: string) => glob.slice(1)),
                    },
                  }
                : {}),
            },
            assetConfig: { not_found_handling: assets.not_found_handling },
          },
        }),
  }
}

/** The exported Worker running under workerd, listening on 127.0.0.1. */
export interface RunningWorker {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly close: () => Promise<void>
}

/** Where the Worker's console lines go (`warn`, `error`, ...: workerd's level names). */
export type WorkerLog = (level: string, message: string) => void

/**
 * Starts the Worker of `dir` (see {@link toMiniflareOptions}) on a free port of 127.0.0.1; its
 * console lines go to `log` (default: this process's stderr, as `wrangler dev` shows them).
 */
export async function startWorker(dir: string, log?: WorkerLog): Promise<RunningWorker> {
  const mf = new Miniflare({
    ...(await toMiniflareOptions(dir)),
    host: '127.0.0.1',
    port: 0,
    ...(log === undefined
      ? {}
      : {
          handleStructuredLogs: ({ level, message }: { level: string; message: string }) =>
            log(level, message),
        }),
  })
  const url = await mf.ready
  return { url: url.origin, close: () => mf.dispose() }
}
