import process from 'node:process'
import type { LoadHostConfigOptions, Logger, SameOriginOptions } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core/rules'
import { formatLost } from './format-lost.ts'
import { mergeRewrites } from './merge-rewrites.ts'
import type { WithSameOriginOptions } from './options.ts'
import { toInspectorRewrite } from './to-inspector-rewrite.ts'
import { toNextRewrites } from './to-next-rewrites.ts'
import type {
  NextConfigContext,
  NextConfigInput,
  NextConfigLike,
  NextRewrite,
  NextRewriteGroups,
} from './types.ts'

// Next's phase names (`next/constants`), written out so this module never imports Next.
const DEV = 'phase-development-server'
const BUILD = 'phase-production-build'
const START = 'phase-production-server'
/** The route handler's packages: run from node_modules by Node, not bundled. */
const SERVER_EXTERNAL = ['@sameorigin/core', '@sameorigin/next']
/** The inspector's requests (its page, files, API, event stream and the page's reports), as Next logs them. */
const INSPECTOR_REQUESTS = /^\/__sameorigin(?:[/?]|$)/

/**
 * Adds sameorigin's routes to a Next config: `next dev` forwards them to the backend with native
 * rewrites (merged after the user's own, which are kept), or leaves them to the route handler
 * (`mode: 'route'`). Routes and behaviours rewrites cannot carry are printed when Next asks for its
 * rewrites, never dropped silently. `next build` / `next start` are untouched unless `production`.
 * Next asks for rewrites once, so in `next dev` with rewrites an edit of the sameorigin config needs a
 * restart: said at startup, and again when the file changes (the route handler reloads instead).
 * In route mode `next dev` also gets the rewrite that brings the inspector (`/__sameorigin/`) to the
 * handler, and its address is printed.
 * Works from `next.config.{ts,mjs,js}`, CommonJS included (require(esm)): only Node loads this module.
 * @example
 * // next.config.ts
 * import { withSameOrigin } from '@sameorigin/next'
 * export default withSameOrigin({ reactStrictMode: true })
 */
export function withSameOrigin<Config extends object = NextConfigLike>(
  // Not `Config extends NextConfigLike`: a config of other keys only (`{ reactStrictMode: true }`)
  // shares no key with it, which TypeScript refuses; the intersection still checks the keys read here.
  nextConfig: NextConfigInput<Config> & NextConfigInput<NextConfigLike> = {} as Config & NextConfigLike,
  options: WithSameOriginOptions = {},
): (phase: string, context: NextConfigContext) => Promise<Config & NextConfigLike> {
  // One value of both types: the checks above are the caller's, the keys read here are NextConfigLike's.
  const input = nextConfig as NextConfigInput<Config & NextConfigLike>
  return async function sameoriginNextConfig(phase, context) {
    const base = typeof input === 'function' ? await input(phase, context) : input
    const enabled = phase === DEV || (options.production === true && (phase === BUILD || phase === START))
    const mode = options.mode ?? 'rewrites'
    // The handler file is part of the app in every phase: keep its packages out of the bundle always.
    if (!enabled) return mode === 'route' ? { ...base, ...externalPackages(base) } : base
    const userRewrites = base.rewrites
    const config: Config & NextConfigLike = { ...base, rewrites: () => sameoriginRewrites() }
    Object.assign(config, proxySettings(base, mode))
    let planned: Promise<Required<NextRewriteGroups>> | undefined
    async function sameoriginRewrites(): Promise<Required<NextRewriteGroups>> {
      planned ??= (async () => {
        const { sameOrigin, host } = toHostOptions(options, phase)
        // Imported only now: the loader lives in the core's main entry (jiti, fs, the engine's
        // modules), never loaded with next.config itself (`next build --help`, typegen, lint).
        const { INSPECTOR_BASE_PATH, loadHostConfig } = await import('@sameorigin/core')
        const resolved = await loadHostConfig(sameOrigin, host)
        // The default logger goes through the core's main entry too.
        const logger = options.logger ?? (await import('./next-logger.ts')).createNextLogger()
        const plan = toNextRewrites(resolved, mode)
        report(logger, resolved, formatLost(plan.lost))
        if (phase === DEV && mode === 'rewrites')
          await (await import('./watch-for-restart.ts')).watchForRestart(logger, sameOrigin, host, resolved)
        if (phase === BUILD && plan.beforeFiles.length > 0) {
          logger.warn(
            'sameorigin: `production: true` bakes these rewrite destinations into the build (routes-manifest.json): ' +
              plan.beforeFiles.map((rewrite) => rewrite.destination).join(', '),
          )
        }
        // The route handler serves the inspector in `next dev` only (never in a build).
        const inspector =
          phase === DEV && mode === 'route' ? reachInspector(logger, resolved, INSPECTOR_BASE_PATH) : []
        return mergeRewrites(await userRewrites?.call(base), [...inspector, ...plan.beforeFiles])
      })()
      return planned
    }
    return config
  }
}

/**
 * What forwarding needs from Next while it is on (`next dev`, unless `production`), wherever the
 * user did not decide otherwise: no gzip of answers (Next's compression buffers an event stream and
 * drops Content-Length); `/api/x/` forwarded as sent (Next's trailing-slash redirect runs before any
 * rewrite or route, so the backend would never see the slash); and, for the route handler, its
 * packages run from node_modules (jiti loads the config file at run time) and the inspector's own
 * requests stay out of Next's request log.
 */
function proxySettings(base: NextConfigLike, mode: string): Partial<NextConfigLike> {
  const settings: Partial<NextConfigLike> = {
    compress: base.compress ?? false,
    skipTrailingSlashRedirect: base.skipTrailingSlashRedirect ?? true,
  }
  return mode === 'route' ? { ...settings, ...externalPackages(base), ...quietInspector(base) } : settings
}

/**
 * `next dev` logs every request it answers: an open inspector would fill the terminal with its files,
 * API calls and event-stream reconnections, around the warning blocks the developer reads there. Left
 * out of that log unless the user set `logging.incomingRequests` (or `logging: false`) themselves.
 */
function quietInspector(base: NextConfigLike): Pick<NextConfigLike, 'logging'> {
  const { logging } = base
  if (logging === false || logging?.incomingRequests !== undefined) return {}
  return { logging: { ...logging, incomingRequests: { ignore: [INSPECTOR_REQUESTS] } } }
}

/** The user's `serverExternalPackages` plus the route handler's packages (jiti loads the config file at run time). */
function externalPackages(base: NextConfigLike): Pick<NextConfigLike, 'serverExternalPackages'> {
  const external = base.serverExternalPackages ?? []
  const added = SERVER_EXTERNAL.filter((name) => !external.includes(name))
  return { serverExternalPackages: [...external, ...added] }
}

/**
 * `withSameOrigin`'s options split into what every adapter takes (Next's own keys are no config keys)
 * and what the host tells the loader: the app's root, and the mode and command of the phase.
 */
function toHostOptions(
  options: WithSameOriginOptions,
  phase: string,
): { sameOrigin: SameOriginOptions; host: LoadHostConfigOptions } {
  const { mode: _mode, root, production: _production, logger: _logger, ...sameOrigin } = options
  const mode = phase === DEV ? 'development' : 'production'
  return { sameOrigin, host: { root, mode, command: phase === DEV ? 'serve' : 'build' } }
}

/**
 * The rewrite that brings `/__sameorigin/` to the route handler (none when the config turns the
 * inspector off), and the line that gives its address: Next's origin once it listens (the port is
 * known when Next asks for rewrites), else the path.
 */
function reachInspector(logger: Logger, resolved: ResolvedConfig, basePath: string): NextRewrite[] {
  if (resolved.inspector === false) return []
  const rewrite = toInspectorRewrite(resolved, basePath)
  const { PORT, __NEXT_PRIVATE_ORIGIN: origin } = process.env
  const server = origin ?? (PORT === undefined ? undefined : `http://localhost:${PORT}`)
  logger.info(`sameorigin: inspector: ${server === undefined ? basePath : new URL(basePath, server).href}`)
  return rewrite === undefined ? [] : [rewrite]
}

function report(logger: Logger, resolved: ResolvedConfig, lost: string | undefined): void {
  for (const issue of resolved.warnings)
    logger.warn(`sameorigin: ${issue.message}${issue.fix ? ` ${issue.fix}` : ''}`)
  if (lost !== undefined) logger.warn(lost)
}
