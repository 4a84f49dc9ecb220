import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { SameOriginOptions, ServerFetch } from '@sameorigin/core'
import viteSameorigin from '@sameorigin/vite'
import type { AstroIntegration } from 'astro'
import type { AstroRun } from './astro-runs.ts'
import { closeRun, registerRun } from './astro-runs.ts'
import { optionsModule } from './options-module.ts'

declare global {
  namespace App {
    interface Locals {
      /** fetch through sameorigin's routes, with the page request's cookies (see \@sameorigin/astro). */
      serverFetch: ServerFetch
    }
  }
}

/** The integration's options: a sameorigin config (merged over `sameorigin.config.*`), plus where it applies. */
export interface SameoriginAstroOptions extends SameOriginOptions {
  /**
   * Also forward the routes in a built server (`node dist/server/entry.mjs`), and not only in `astro
   * dev` and `astro preview`. Off, a built server's `Astro.locals.serverFetch('/api/…')` is a plain
   * `fetch` on the page's own origin (the deployed app's routes).
   * @default false
   */
  production?: boolean
}

/** The core's report client (a classic script with no imports), as text. */
function readReportClient(): string {
  return readFileSync(createRequire(import.meta.url).resolve('@sameorigin/core/report-client.js'), 'utf8')
}

/** `Astro.locals.serverFetch`'s type, written into the project's `.astro/` types by `injectTypes`. */
const LOCALS_TYPES = `declare namespace App {
  interface Locals {
    /** fetch through sameorigin's routes, with the page request's cookies (see @sameorigin/astro). */
    serverFetch: import('@sameorigin/astro/server').ServerFetch
  }
}
`

/**
 * The sameorigin Astro integration. `astro dev` gets \@sameorigin/vite's plugin (the browser's requests
 * and websockets on the routes, the inspector, the report of blocked calls); every request Astro
 * renders passes a middleware (order `pre`) that answers the routes Vite did not take (`astro preview`,
 * a built server with `production: true`) and puts `Astro.locals.serverFetch` on the request: a fetch
 * through the same routes that forwards the page request's cookies.
 * @example
 * // astro.config.mjs
 * import { defineConfig } from 'astro/config'
 * import node from '@astrojs/node'
 * import sameorigin from '@sameorigin/astro'
 *
 * export default defineConfig({
 *   adapter: node({ mode: 'standalone' }),
 *   integrations: [sameorigin()],
 * })
 */
export function sameorigin(options: SameoriginAstroOptions = {}): AstroIntegration {
  let run: { root: string; run: AstroRun } | undefined
  let printUrls: (() => void) | undefined
  return {
    name: '@sameorigin/astro',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, addMiddleware, injectScript, logger }) => {
        const root = fileURLToPath(config.root)
        if (command === 'dev' || command === 'preview') {
          run = { root, run: { command, options, logger } }
          registerRun(root, run.run)
        }
        const plugins = [optionsModule({ root, command, options })]
        // Dev only: `astro build` makes a Vite server in middleware mode too, and `astro preview`
        // serves the adapter's server, not Vite's (the middleware forwards there).
        // `production` is this integration's key, not a config key the plugin knows.
        const { production: _production, ...pluginOptions } = options
        if (command === 'dev') plugins.push(viteSameorigin(pluginOptions) as (typeof plugins)[number])
        updateConfig({
          // The middleware imports the options module, so Vite bundles it (see `optionsModule` for what
          // stays a Node import).
          vite: { plugins, ssr: { noExternal: ['@sameorigin/astro'] } },
        })
        addMiddleware({ entrypoint: '@sameorigin/astro/middleware', order: 'pre' })
        // The report of blocked calls: Vite's `transformIndexHtml` never sees Astro's pages, so the
        // core's client goes into every page's <head> inline (`astro dev` only).
        if (command === 'dev' && options.inspector !== false) injectScript('head-inline', readReportClient())
      },
      'astro:config:done': ({ injectTypes }) => {
        injectTypes({ filename: 'locals.d.ts', content: LOCALS_TYPES })
      },
      // Astro prints its own address, never Vite's `printUrls`, which the Vite plugin prints the route
      // table and the inspector's address under: once the server listens, they are printed (after
      // Vite's local URL line, which names the same address).
      'astro:server:setup': ({ server }) => {
        printUrls = () => server.printUrls()
      },
      'astro:server:start': () => printUrls?.(),
      'astro:server:done': async () => {
        if (run !== undefined) await closeRun(run.root, run.run)
      },
    },
  }
}
