import { basename } from 'node:path'
import type { DetectedProject, Tool } from '../project/detect-project.ts'
import { DEFAULT_SERVE_PORT, toServeAddress } from '../internal/serve-address.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import type { ResolvedConfig } from '@sameorigin/core'
import { toDoctorFixes, toProjectFix, toRoute } from '@sameorigin/core/doctor'
import type { DoctorRun, Fix } from '@sameorigin/core/doctor'

/** How each tool mounts sameorigin: the config file to edit and the lines to add there. */
const TOOL_SETUP: Readonly<
  Record<Tool, { readonly file: string; readonly what: string; readonly lines: readonly string[] }>
> = {
  vite: {
    file: 'vite.config.ts',
    what: 'sameorigin()',
    lines: [
      "import sameorigin from '@sameorigin/vite'",
      'export default defineConfig({ plugins: [sameorigin()] })',
    ],
  },
  next: {
    file: 'next.config.ts',
    what: 'withSameOrigin()',
    lines: ["import { withSameOrigin } from '@sameorigin/next'", 'export default withSameOrigin(nextConfig)'],
  },
  rsbuild: {
    file: 'rsbuild.config.ts',
    what: 'pluginSameOrigin()',
    lines: [
      "import { pluginSameOrigin } from '@sameorigin/rsbuild'",
      'export default defineConfig({ plugins: [pluginSameOrigin()] })',
    ],
  },
  rspack: {
    file: 'rspack.config.mjs',
    what: 'new SameOriginPlugin()',
    lines: ["import { SameOriginPlugin } from '@sameorigin/webpack'", 'plugins: [new SameOriginPlugin()]'],
  },
  'react-router': {
    file: 'vite.config.ts',
    what: 'sameorigin()',
    lines: [
      "import { sameorigin } from '@sameorigin/vite'",
      'export default defineConfig({ plugins: [reactRouter(), sameorigin()] })',
    ],
  },
  sveltekit: {
    file: 'vite.config.ts',
    what: 'sameorigin()',
    lines: [
      "import { sameorigin } from '@sameorigin/sveltekit'",
      'export default defineConfig({ plugins: [sveltekit(), sameorigin()] })',
    ],
  },
  angular: {
    file: 'angular.json',
    what: 'the @sameorigin/angular:dev-server builder',
    lines: ['"serve": { "builder": "@sameorigin/angular:dev-server", ... }'],
  },
  storybook: {
    file: '.storybook/main.ts',
    what: "the '@sameorigin/storybook' addon",
    lines: ["addons: ['@sameorigin/storybook']"],
  },
  nuxt: {
    file: 'nuxt.config.ts',
    what: "the '@sameorigin/nuxt' module",
    lines: ["export default defineNuxtConfig({ modules: ['@sameorigin/nuxt'] })"],
  },
  astro: {
    file: 'astro.config.mjs',
    what: 'sameorigin()',
    lines: [
      "import sameorigin from '@sameorigin/astro'",
      'export default defineConfig({ integrations: [sameorigin()] })',
    ],
  },
  webpack: {
    file: 'webpack.config.js',
    what: 'new SameOriginPlugin()',
    lines: [
      "const { SameOriginPlugin } = require('@sameorigin/webpack')",
      'plugins: [new SameOriginPlugin()]',
    ],
  },
}

/** The project's fix: mount sameorigin in the detected tool with a route to `url`, or `sameorigin serve`. */
function routeFix(run: DoctorRun, project: DetectedProject, url: string): Fix {
  const route = toRoute(url)
  // defineConfig from the adapter the project installs (each re-exports the core's).
  const adapter = project.tool === undefined ? '@sameorigin/core' : PLUGIN_PACKAGE[project.tool]
  const config = [
    '// sameorigin.config.ts',
    `import { defineConfig } from '${adapter}'`,
    `export default defineConfig({ routes: { '${route.key}': ${route.value} } })`,
  ]
  const then = `Then call fetch('${route.pagePath}') from the page: same-origin, so no CORS at all.`
  if (project.tool === undefined) {
    const credentials = run.request.credentials === 'include' ? ' --credentials' : ''
    return {
      kind: 'serve',
      title:
        'No Vite, webpack, Rspack, Rsbuild or Next project in this folder: run the stand-alone proxy, ' +
        'which answers CORS for your page and forwards to the backend',
      lines: [
        `sameorigin serve --target ${new URL(url).origin} --allow-origin ${run.request.origin}${credentials}`,
        `Then call ${toServeAddress('127.0.0.1', DEFAULT_SERVE_PORT, [run.request.origin]).url}${new URL(url).pathname} from the page (the proxy's default address, on the page's own host so its cookies stick) instead of the backend.`,
      ],
    }
  }
  const setup = TOOL_SETUP[project.tool]
  const file = project.configFile === undefined ? setup.file : basename(project.configFile)
  return {
    kind: 'route',
    title: `Add ${setup.what} to ${file} and route '${route.key}' → ${new URL(url).origin}`,
    lines: [
      `// ${file}`,
      ...setup.lines,
      '',
      ...config,
      '',
      then,
      '(`sameorigin init` adds the plugin for you.)',
    ],
  }
}

/**
 * The fixes for a verdict, best first (see `toDoctorFixes`): with the project's own
 * `sameorigin.config.*` loaded (`config`), its fix as the dev server prints it (`toProjectFix`: call
 * the route that already forwards to the URL, or the route to add); else the sameorigin route for
 * the project's tool, or the stand-alone proxy when no tool is found; then the headers and the advice.
 */
export function toFixes(
  run: DoctorRun,
  project: DetectedProject,
  config?: Pick<ResolvedConfig, 'routes' | 'configFile'>,
): Fix[] {
  return toDoctorFixes(run, (url) =>
    config === undefined
      ? routeFix(run, project, url)
      : toProjectFix(
          config.routes,
          url,
          run.request.method,
          basename(config.configFile ?? 'sameorigin.config.ts'),
        ),
  )
}
