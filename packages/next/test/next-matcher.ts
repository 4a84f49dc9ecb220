// Next's own route matching, loaded from the real `next` package (16.4.6): the custom-route loader
// (basePath, i18n, the trailing-slash redirect), the matcher Next builds for each rewrite, its `has`
// check, its destination builder and its proxy's query stringifier, applied in the order Next's router applies them
// (`next/dist/server/lib/router-utils/resolve-routes.js`: redirects, then beforeFiles rewrites).
import { createRequire } from 'node:module'
import { format, parse } from 'node:url'
import type { NextRewrite } from '../src/types.ts'

const require = createRequire(import.meta.url)
type Params = Record<string, unknown>
interface BuiltRoute {
  readonly match: (pathname: string) => Params | false
  readonly destination?: string
  readonly has?: unknown
  readonly missing?: unknown
  readonly internal?: boolean
}
const loadCustomRoutes = (
  require('next/dist/lib/load-custom-routes') as {
    default: (config: unknown) => Promise<{ rewrites: { beforeFiles: unknown[] }; redirects: unknown[] }>
  }
).default
const { buildCustomRoute } = require('next/dist/server/lib/router-utils/filesystem') as {
  buildCustomRoute: (type: string, item: unknown, basePath?: string) => BuiltRoute
}
const { matchHas, prepareDestination } = require('next/dist/shared/lib/router/utils/prepare-destination') as {
  matchHas: (req: unknown, query: unknown, has?: unknown, missing?: unknown) => Params | false
  prepareDestination: (args: unknown) => { parsedDestination: Parameters<typeof format>[0] }
}
const { stringifyQuery } = require('next/dist/server/server-route-utils') as {
  stringifyQuery: (req: unknown, query: unknown) => string
}
const { defaultConfig } = require('next/dist/server/config-shared') as {
  defaultConfig: Record<string, unknown>
}

/** The Next settings a sample runs under. */
export interface NextSettings {
  readonly basePath?: string
  readonly i18n?: { readonly locales: string[]; readonly defaultLocale: string }
  readonly skipTrailingSlashRedirect?: boolean
}

/** What Next does with one request: redirect it (the built-in trailing-slash redirect), proxy it, or neither. */
export type NextOutcome =
  | { readonly redirect: string }
  | { readonly upstream: string }
  | { readonly none: true }
  | { readonly error: string }

/** Next's router for `rewrites` under `settings`, as a function of one request. */
export async function createNextRouter(
  rewrites: readonly NextRewrite[],
  settings: NextSettings,
): Promise<(url: string, headers: Record<string, string>) => NextOutcome> {
  const config = {
    ...defaultConfig,
    ...settings,
    rewrites: async () => ({ beforeFiles: rewrites, afterFiles: [], fallback: [] }),
  }
  const custom = await loadCustomRoutes(config)
  const redirects = custom.redirects.map((item) => buildCustomRoute('redirect', item, settings.basePath))
  const beforeFiles = custom.rewrites.beforeFiles.map((item) =>
    buildCustomRoute('before_files_rewrite', item),
  )
  return (url, headers) => {
    const parsed = parse(url, true)
    const pathname = parsed.pathname ?? '/'
    const req = { headers }
    for (const route of redirects) {
      const params = route.match(pathname)
      if (params && matchHas(req, parsed.query, route.has, route.missing)) {
        const { parsedDestination } = prepareDestination({
          appendParamsToQuery: false,
          destination: route.destination,
          params,
          query: parsed.query,
        })
        return { redirect: format(parsedDestination) }
      }
    }
    for (const route of beforeFiles) {
      let params = route.match(pathname)
      if (params && (route.has || route.missing)) {
        const hasParams = matchHas(req, parsed.query, route.has, route.missing)
        params = hasParams ? Object.assign(params, hasParams) : false
      }
      if (!params) continue
      // Next answers 500 when it cannot build the destination; recorded as such.
      let built
      try {
        built = prepareDestination({
          appendParamsToQuery: true,
          destination: route.destination,
          params,
          query: { ...parsed.query },
        })
      } catch (error) {
        return { error: String(error) }
      }
      // As Next's proxyRequest builds the upstream URL: the merged query object, stringified.
      const { query, ...destination } = built.parsedDestination as { query?: unknown }
      const meta = { [Symbol.for('NextInternalRequestMeta')]: { initQuery: parsed.query } }
      const search = stringifyQuery(meta, query)
      return { upstream: format({ ...destination, search: search === '' ? '' : `?${search}` }) }
    }
    return { none: true }
  }
}
