import { startAngular } from './angular.ts'
import { startAstro } from './astro.ts'
import { startNext } from './next.ts'
import { startNuxt } from './nuxt.ts'
import { startReactRouter } from './react-router.ts'
import { startRsbuild } from './rsbuild.ts'
import type { HostName } from './select-hosts.ts'
import { startStorybookDev } from './storybook.ts'
import { startSvelteKit } from './sveltekit.ts'
import type { StartDevServer } from './types.ts'
import { startVite } from './vite.ts'
import { startWebpack } from './webpack.ts'

export { HOST_EXAMPLES, hostOf, selectHosts, SERVER_RENDERED_EXAMPLES } from './select-hosts.ts'
export type { HostName } from './select-hosts.ts'
export type { DevServer, StartDevServer, StartDevServerOptions } from './types.ts'

/** How each host starts its example (`select-hosts.ts` says which); the Next adapter adds its own. */
const HOSTS: Readonly<Record<HostName, StartDevServer>> = {
  vite: startVite,
  webpack: startWebpack,
  rsbuild: startRsbuild,
  next: startNext,
  nuxt: startNuxt,
  'react-router': startReactRouter,
  sveltekit: startSvelteKit,
  astro: startAstro,
  angular: startAngular,
  storybook: startStorybookDev,
}

/** The start function of a host. */
export function startOf(name: HostName): StartDevServer {
  return HOSTS[name]
}
