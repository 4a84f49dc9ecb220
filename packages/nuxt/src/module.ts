import type { Server } from 'node:http'
import { Server as TlsServer } from 'node:tls'
import type { ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { loadHostConfig, REPORT_CLIENT_PATH } from '@sameorigin/core'
import type { NuxtModule } from 'nuxt/schema'
import { addDevServerHandler, addNitroPlugin, createResolver, defineNuxtModule } from '@nuxt/kit'
import { mountUpgrades } from './mount-upgrades.ts'
import type { UpgradingServer } from './mount-upgrades.ts'
import { printNuxtStartup } from './print-nuxt-startup.ts'
import { recordClient } from './record-client.ts'
import { OPTIONS_MODULE } from './runtime/runtime-options.ts'
import { toNuxtLogger } from './to-nuxt-logger.ts'
import { toOptionsModule } from './to-options-module.ts'
import { useNitroProxies } from './use-nitro-proxies.ts'

/** The module's options, under `sameorigin` in nuxt.config: a sameorigin config, plus `production`. */
export interface ModuleOptions extends SameOriginOptions {
  /**
   * Also serve the routes in the built app (`nuxt build`, then `node .output/server/index.mjs` or
   * `nuxt preview`). Off by default: a deployed app should not forward to the development backends
   * of its config.
   * @default false
   */
  production?: boolean
}

/** The dev server's allowed Host names: Nuxt's `devServer.allowedHosts` (it includes `vite.server.allowedHosts`). */
function toAllowedHosts(allowed: readonly string[] | true | undefined): readonly string[] | true {
  return allowed ?? []
}

/**
 * The sameorigin Nuxt module. In `nuxt dev` the routes of `sameorigin.config.*` (and of the
 * `sameorigin` key of nuxt.config, merged over the file) are served on Nitro's server, first in its
 * app: for the browser's requests and for Nitro's in-process fetch during SSR (`useFetch`,
 * `$fetch`, with the page request's cookies), by the core's `createServerProxy`; their websockets on
 * the dev server's own socket. A built app serves them only with `production: true`.
 */
export const sameoriginModule: NuxtModule<ModuleOptions> = defineNuxtModule<ModuleOptions>({
  meta: { name: '@sameorigin/nuxt', configKey: 'sameorigin', compatibility: { nuxt: '>=4.6.0' } },
  defaults: {},
  async setup(moduleOptions, nuxt) {
    const { production = false, ...options } = moduleOptions
    const dev = nuxt.options.dev
    // oxlint-disable-next-line no-underscore-dangle -- Nuxt's own flag for `nuxi prepare` (types only)
    if ((!dev && !production) || nuxt.options._prepare) return
    const root = nuxt.options.rootDir
    const host = { root, mode: dev ? 'development' : 'production' } as const
    // A bad config fails the start, every problem listed, as on the other dev servers.
    const resolved: ResolvedConfig = await loadHostConfig(options, host)
    const allowedHosts = (): readonly string[] | true => toAllowedHosts(nuxt.options.devServer.allowedHosts)
    const optionsModule = (): string =>
      toOptionsModule(options, { ...host, production, allowedHosts: allowedHosts() }, dev)
    // Throws now, naming the option, when an inline option cannot reach Nitro's bundle (a function).
    optionsModule()
    const { resolve } = createResolver(import.meta.url)
    const runtimeDir = resolve('./runtime')
    nuxt.hook('nitro:config', (nitroConfig) => {
      // Nitro 2's options, as far as the module sets them (Nuxt types them only with nitropack's types loaded).
      const config = nitroConfig as { virtual?: Record<string, unknown>; externals?: { inline?: unknown[] } }
      config.virtual = { ...config.virtual, [OPTIONS_MODULE]: optionsModule }
      // The plugin is bundled by Nitro (it imports the virtual module), not loaded from node_modules.
      config.externals = { ...config.externals, inline: [...(config.externals?.inline ?? []), runtimeDir] }
    })
    addNitroPlugin({ nitro2: resolve('./runtime/server-plugin') })
    const overlaps = useNitroProxies(nuxt, resolved)
    if (!dev) return
    const logger = toNuxtLogger()
    addDevServerHandler({ handler: { nitro2: recordClient } })
    if (resolved.inspector !== false)
      nuxt.options.app.head.script = [
        { src: REPORT_CLIENT_PATH, tagPriority: 'critical' },
        ...(nuxt.options.app.head.script ?? []),
      ]
    nuxt.hook('listen', async (server: Server) => {
      printNuxtStartup(logger, { resolved, overlaps: overlaps(), server, https: server instanceof TlsServer })
      const unmount = await mountUpgrades(server, nuxt.server as UpgradingServer, {
        resolved,
        source: { options, host },
        logger,
        allowedHosts: allowedHosts(),
      })
      nuxt.hook('close', unmount)
    })
  },
})
