import { selectHostGroup } from '@sameorigin/test-utils'
import type { Host } from '../src/types.ts'
import { angularDev } from './angular-dev.ts'
import { astroDev } from './astro-dev.ts'
import { caddy } from './caddy.ts'
import { cloudflareWorker } from './cloudflare-worker.ts'
import { coreServer } from './core-server.ts'
import { fetchTransport } from './fetch-transport.ts'
import { nextHostsEnabled, nextRewrites } from './next-rewrites.ts'
import { nextRouteHandler } from './next-route-handler.ts'
import { nginx } from './nginx.ts'
import { nuxtDev } from './nuxt-dev.ts'
import { reactRouterDev } from './react-router-dev.ts'
import { rsbuildDev } from './rsbuild-dev.ts'
import { rsbuildPreview } from './rsbuild-preview.ts'
import { rspack } from './rspack.ts'
import { storybookDev } from './storybook-dev.ts'
import { sveltekitDev } from './sveltekit-dev.ts'
import { sveltekitPreview } from './sveltekit-preview.ts'
import { viteDev } from './vite-dev.ts'
import { vitePreview } from './vite-preview.ts'
import { webpackDevServer5 } from './webpack-dev-server-5.ts'
import { webpackDevServer6 } from './webpack-dev-server-6.ts'

const group = selectHostGroup()

/**
 * Every host, in the order of the README table's columns. Add a new host here. The full-stack
 * frameworks' dev servers and the production targets of `sameorigin export` (nginx, Caddy, the
 * Worker) run in `npm run test:hosts` (`SAMEORIGIN_HOST_GROUP=frameworks`), the others in `npm test`
 * (`base`); unset, both.
 */
export const HOSTS: readonly Host[] = [
  ...(group.base
    ? [
        coreServer,
        fetchTransport,
        viteDev,
        vitePreview,
        // One `next dev` each for the whole run (src/global-setup.ts); CONFORMANCE_SKIP_NEXT=1 leaves them out.
        ...(nextHostsEnabled() ? [nextRewrites, nextRouteHandler] : []),
        webpackDevServer5,
        webpackDevServer6,
        rspack,
        rsbuildDev,
        rsbuildPreview,
        angularDev,
        storybookDev,
      ]
    : []),
  ...(group.frameworks
    ? [
        reactRouterDev,
        sveltekitDev,
        sveltekitPreview,
        nuxtDev,
        astroDev,
        nginx,
        // The exported Caddyfile, run by the real Caddy.
        caddy,
        cloudflareWorker,
      ]
    : []),
]

/** Every host's name in column order, whichever group this run covers (the table's columns). */
export const COLUMNS: readonly string[] = [
  coreServer,
  fetchTransport,
  viteDev,
  vitePreview,
  nextRewrites,
  nextRouteHandler,
  webpackDevServer5,
  webpackDevServer6,
  rspack,
  rsbuildDev,
  rsbuildPreview,
  angularDev,
  storybookDev,
  reactRouterDev,
  sveltekitDev,
  sveltekitPreview,
  nuxtDev,
  astroDev,
  nginx,
  caddy,
  cloudflareWorker,
].map((host) => host.name)

export {
  angularDev,
  astroDev,
  caddy,
  cloudflareWorker,
  coreServer,
  fetchTransport,
  nextRewrites,
  nextRouteHandler,
  nginx,
  nuxtDev,
  reactRouterDev,
  rsbuildDev,
  rsbuildPreview,
  rspack,
  storybookDev,
  sveltekitDev,
  sveltekitPreview,
  viteDev,
  vitePreview,
  webpackDevServer5,
  webpackDevServer6,
}
