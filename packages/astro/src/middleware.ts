import type { ServerProxy, ServerProxyOptions } from '@sameorigin/core'
// This package's own entry, not the core: see `optionsModule` (the app resolves it; Node loads it).
import { createServerProxy } from '@sameorigin/astro/server'
import type { MiddlewareHandler } from 'astro'
import { dev, options, root } from 'virtual:@sameorigin/astro/options'
import type { AstroRun } from './astro-runs.ts'
import { findRun } from './astro-runs.ts'

/**
 * The proxy's options in `astro dev` (the Vite plugin's twin: one inspector for both, keyed by the
 * root) and `astro preview` (as `vite preview`: the routes forwarded, the inspector served).
 */
function toRunOptions(run: AstroRun): ServerProxyOptions {
  const logger = run.logger
  if (run.command === 'dev') return { ...run.options, root, mode: 'development', logger }
  return { ...run.options, root, mode: 'production', production: true, serveInspector: true, logger }
}

let bundled: ServerProxy | undefined

/** The project's proxy: its run's in `astro dev` / `astro preview`, else one from the bundled options. */
function findProxy(): ServerProxy {
  const run = findRun(root)
  if (run !== undefined) return (run.proxy ??= createServerProxy(toRunOptions(run)))
  // A built server on its own (or a dev runtime outside Astro's process): the options in the bundle;
  // the config file is found from the server's working directory.
  bundled ??= createServerProxy({ ...options, mode: dev ? 'development' : 'production' })
  return bundled
}

/** Astro's address of the client, when the adapter knows it (prerendering does not). */
function clientAddressOf(context: { readonly clientAddress: string }): string | undefined {
  try {
    return context.clientAddress
  } catch {
    return undefined
  }
}

/**
 * Answers the routes for any request that reaches Astro (`astro preview`, a built server with
 * `production: true`, a route `astro dev`'s Vite plugin did not take), then gives the page
 * `Astro.locals.serverFetch`: the core's `serverFetch` bound to this request, so its cookies go along.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const proxy = findProxy()
  const answer = await proxy.handle(context.request, { clientAddress: clientAddressOf(context) })
  if (answer !== undefined) return answer
  const request = context.request
  context.locals.serverFetch = (input, init) => proxy.fetch(input, { request, ...init })
  return next()
}
