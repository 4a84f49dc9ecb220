import type { Tool } from '../project/detect-project.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { createError } from '@sameorigin/core'

/** The tools whose config is a module sameorigin is added to (Angular's is angular.json: see plan-angular-init). */
export type ModuleTool = Exclude<Tool, 'angular'>

/** How sameorigin is added to one tool's config, as that package's README shows it. */
export interface PluginWiring {
  /** The package the binding comes from. */
  readonly from: string
  /**
   * The export used: a name, `'default'` (Astro's integration, imported as `local`), or `undefined`
   * when nothing is imported (a Nuxt module or a Storybook addon is named by its package, as a string).
   */
  readonly imported: string | undefined
  /** The local name of a default import. */
  readonly local?: string
  /** The config key of the list the plugin goes in. */
  readonly list: 'plugins' | 'integrations' | 'modules' | 'addons'
  /** The expression that goes into the list, given the local name of the import. */
  readonly create: (binding: string) => string
  /** Other packages whose use means sameorigin is already set up (the unplugin entries). */
  readonly alternatives: readonly string[]
}

/** The tool's name as its users write it. */
export const TOOL_LABEL: Readonly<Record<Tool, string>> = {
  vite: 'Vite',
  webpack: 'webpack',
  rspack: 'Rspack',
  rsbuild: 'Rsbuild',
  next: 'Next.js',
  sveltekit: 'SvelteKit',
  nuxt: 'Nuxt',
  astro: 'Astro',
  'react-router': 'React Router',
  angular: 'Angular',
  storybook: 'Storybook',
}

/** Angular's wiring: the serve target's builder in angular.json (packages/angular/README.md). */
export const ANGULAR_BUILDER = '@sameorigin/angular:dev-server'

// Vite, Rsbuild, webpack and Rspack add a plugin; Next wraps the exported config instead
// (`withSameOrigin(nextConfig)`, packages/next/README.md).
const WEBPACK: Omit<PluginWiring, 'alternatives'> = {
  from: PLUGIN_PACKAGE.webpack,
  imported: 'SameOriginPlugin',
  list: 'plugins',
  create: (binding) => `new ${binding}()`,
}
const VITE: PluginWiring = {
  from: PLUGIN_PACKAGE.vite,
  imported: 'sameorigin',
  list: 'plugins',
  create: (binding) => `${binding}()`,
  alternatives: ['unplugin-sameorigin/vite'],
}

/** The wiring per tool. */
export const PLUGIN_WIRING: Readonly<Record<ModuleTool, PluginWiring>> = {
  vite: VITE,
  // After `reactRouter()` in `plugins`: appended, as every plugin is.
  'react-router': VITE,
  sveltekit: {
    from: PLUGIN_PACKAGE.sveltekit,
    imported: 'sameorigin',
    list: 'plugins',
    create: (binding) => `${binding}()`,
    alternatives: [],
  },
  astro: {
    from: PLUGIN_PACKAGE.astro,
    imported: 'default',
    local: 'sameorigin',
    list: 'integrations',
    create: (binding) => `${binding}()`,
    alternatives: [],
  },
  nuxt: {
    from: PLUGIN_PACKAGE.nuxt,
    imported: undefined,
    list: 'modules',
    create: (name) => name,
    alternatives: [],
  },
  // An addon, named by its package in `addons` as Storybook's own are.
  storybook: {
    from: PLUGIN_PACKAGE.storybook,
    imported: undefined,
    list: 'addons',
    create: (name) => name,
    alternatives: [],
  },
  rsbuild: {
    from: PLUGIN_PACKAGE.rsbuild,
    imported: 'pluginSameOrigin',
    list: 'plugins',
    create: (binding) => `${binding}()`,
    alternatives: ['unplugin-sameorigin/rsbuild'],
  },
  webpack: { ...WEBPACK, alternatives: ['unplugin-sameorigin/webpack'] },
  rspack: { ...WEBPACK, alternatives: ['unplugin-sameorigin/rspack'] },
  next: {
    from: PLUGIN_PACKAGE.next,
    imported: 'withSameOrigin',
    list: 'plugins',
    create: (binding) => `${binding}(nextConfig)`,
    alternatives: [],
  },
}

/**
 * The lines to add by hand when the config cannot be edited with certainty, in the file's module
 * format (ESM `import` or CommonJS `require`).
 */
export function formatManualSnippet(tool: Tool, format: 'esm' | 'cjs'): string {
  if (tool === 'angular')
    return `// angular.json, in projects.<app>.architect.serve:\n"builder": "${ANGULAR_BUILDER}",`
  const wiring = PLUGIN_WIRING[tool]
  if (wiring.imported === undefined)
    return `// in the config object:\n${wiring.list}: [${wiring.create(`'${wiring.from}'`)}],`
  const local = wiring.local ?? wiring.imported
  const load =
    wiring.imported === 'default'
      ? format === 'cjs'
        ? `const { default: ${local} } = require('${wiring.from}')`
        : `import ${local} from '${wiring.from}'`
      : format === 'cjs'
        ? `const { ${local} } = require('${wiring.from}')`
        : `import { ${local} } from '${wiring.from}'`
  const exported = format === 'cjs' ? 'module.exports =' : 'export default'
  if (tool === 'next') return `${load}\n\n${exported} ${wiring.create(local)}`
  return `${load}\n\n// in the config object:\n${wiring.list}: [${wiring.create(local)}],`
}

/** `ERR_CLI_CONFIG_EDIT_FAILED` for `problem`, with the lines to add by hand. Nothing was written. */
export function editFailed(
  tool: Tool,
  format: 'esm' | 'cjs',
  problem: string,
  configName: string | undefined,
): Error {
  const snippet = formatManualSnippet(tool, format)
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n')
  const where = configName === undefined ? '' : ` to ${configName}`
  return createError('ERR_CLI_CONFIG_EDIT_FAILED', {
    message: `${problem}. Nothing was written. Add sameorigin by hand${where}:\n\n${snippet}\n`,
  })
}
