import type { Logger } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core/rules'
import { formatLost } from './format-lost.ts'
import { mergeRewrites } from './merge-rewrites.ts'
import type { WithSameOriginOptions } from './options.ts'
import { toNextRewrites } from './to-next-rewrites.ts'
import type { NextConfigContext, NextConfigInput, NextConfigLike, NextRewriteGroups } from './types.ts'

// Next's phase names (`next/constants`), written out so this module never imports Next.
const DEV = 'phase-development-server'
const BUILD = 'phase-production-build'
const START = 'phase-production-server'
/** The route handler's packages: run from node_modules by Node, not bundled. */
const SERVER_EXTERNAL = ['@sameorigin/core', '@sameorigin/next']

/**
 * Adds sameorigin's routes to a Next config: `next dev` forwards them to the backend with native
 * rewrites (merged after the user's own, which are kept), or leaves them to the route handler
 * (`mode: 'route'`). Routes and behaviours rewrites cannot carry are printed when Next asks for its
 * rewrites, never dropped silently. `next build` / `next start` are untouched unless `production`.
 * Works from `next.config.{ts,mjs,js}`, CommonJS included (require(esm)): only Node loads this module.
 * @example
 * // next.config.ts
 * import { withSameOrigin } from '@sameorigin/next'
 * export default withSameOrigin({ reactStrictMode: true })
 */
export function withSameOrigin<Config extends NextConfigLike>(
  nextConfig: NextConfigInput<Config> = {} as Config,
  options: WithSameOriginOptions = {},
): (phase: string, context: NextConfigContext) => Promise<Config> {
  return async function sameoriginNextConfig(phase, context) {
    const base = typeof nextConfig === 'function' ? await nextConfig(phase, context) : nextConfig
    const enabled = phase === DEV || (options.production === true && (phase === BUILD || phase === START))
    const mode = options.mode ?? 'rewrites'
    // The handler file is part of the app in every phase: keep its packages out of the bundle always.
    if (!enabled) return mode === 'route' ? { ...base, ...externalPackages(base) } : base
    const userRewrites = base.rewrites
    const config: Config = { ...base, rewrites: () => sameoriginRewrites() }
    Object.assign(config, proxySettings(base, mode))
    let planned: Promise<Required<NextRewriteGroups>> | undefined
    async function sameoriginRewrites(): Promise<Required<NextRewriteGroups>> {
      planned ??= (async () => {
        const resolved = await loadRoutes(options, phase === DEV ? 'development' : 'production')
        // The default logger goes through the core's main entry, which is loaded only by now (see loadRoutes).
        const logger = options.logger ?? (await import('./next-logger.ts')).createNextLogger()
        const plan = toNextRewrites(resolved, mode)
        report(logger, resolved, formatLost(plan.lost))
        if (phase === BUILD && plan.beforeFiles.length > 0) {
          logger.warn(
            'sameorigin: `production: true` bakes these rewrite destinations into the build (routes-manifest.json): ' +
              plan.beforeFiles.map((rewrite) => rewrite.destination).join(', '),
          )
        }
        return mergeRewrites(await userRewrites?.call(base), plan.beforeFiles)
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
 * packages run from node_modules (jiti loads the config file at run time).
 */
function proxySettings(base: NextConfigLike, mode: string): Partial<NextConfigLike> {
  const settings: Partial<NextConfigLike> = {
    compress: base.compress ?? false,
    skipTrailingSlashRedirect: base.skipTrailingSlashRedirect ?? true,
  }
  return mode === 'route' ? { ...settings, ...externalPackages(base) } : settings
}

/** The user's `serverExternalPackages` plus the route handler's packages (jiti loads the config file at run time). */
function externalPackages(base: NextConfigLike): Pick<NextConfigLike, 'serverExternalPackages'> {
  const external = base.serverExternalPackages ?? []
  const added = SERVER_EXTERNAL.filter((name) => !external.includes(name))
  return { serverExternalPackages: [...external, ...added] }
}

/**
 * Loads `sameorigin.config.*` with the inline options merged over it. The loader lives in the core's
 * main entry (jiti, fs, the engine's modules), so it is imported only when Next asks for its
 * rewrites, never when next.config itself is loaded (`next build --help`, typegen, lint).
 */
async function loadRoutes(options: WithSameOriginOptions, mode: string): Promise<ResolvedConfig> {
  // Next's own keys are no config keys: what is left is what every adapter takes.
  const { mode: _mode, root, production: _production, logger: _logger, ...sameOrigin } = options
  const { loadHostConfig } = await import('@sameorigin/core')
  return loadHostConfig(sameOrigin, { root, mode, command: mode === 'development' ? 'serve' : 'build' })
}

function report(logger: Logger, resolved: ResolvedConfig, lost: string | undefined): void {
  for (const issue of resolved.warnings)
    logger.warn(`sameorigin: ${issue.message}${issue.fix ? ` ${issue.fix}` : ''}`)
  if (lost !== undefined) logger.warn(lost)
}
