import type { Tool } from '../project/detect-project.ts'
import { PLUGIN_PACKAGE } from '../project/detect-project.ts'
import { createError } from '@sameorigin/core'

/** How sameorigin is added to one tool's config, as that package's README shows it. */
export interface PluginWiring {
  /** The package the binding comes from. */
  readonly from: string
  /** The named export used. */
  readonly imported: string
  /** The expression that goes into `plugins`, given the local name of the import. */
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
}

// Vite, Rsbuild, webpack and Rspack add a plugin; Next wraps the exported config instead
// (`withSameOrigin(nextConfig)`, packages/next/README.md).
const WEBPACK: Omit<PluginWiring, 'alternatives'> = {
  from: PLUGIN_PACKAGE.webpack,
  imported: 'SameOriginPlugin',
  create: (binding) => `new ${binding}()`,
}

/** The wiring per tool. */
export const PLUGIN_WIRING: Readonly<Record<Tool, PluginWiring>> = {
  vite: {
    from: PLUGIN_PACKAGE.vite,
    imported: 'sameorigin',
    create: (binding) => `${binding}()`,
    alternatives: ['unplugin-sameorigin/vite'],
  },
  rsbuild: {
    from: PLUGIN_PACKAGE.rsbuild,
    imported: 'pluginSameOrigin',
    create: (binding) => `${binding}()`,
    alternatives: ['unplugin-sameorigin/rsbuild'],
  },
  webpack: { ...WEBPACK, alternatives: ['unplugin-sameorigin/webpack'] },
  rspack: { ...WEBPACK, alternatives: ['unplugin-sameorigin/rspack'] },
  next: {
    from: PLUGIN_PACKAGE.next,
    imported: 'withSameOrigin',
    create: (binding) => `${binding}(nextConfig)`,
    alternatives: [],
  },
}

/**
 * The lines to add by hand when the config cannot be edited with certainty, in the file's module
 * format (ESM `import` or CommonJS `require`).
 */
export function formatManualSnippet(tool: Tool, format: 'esm' | 'cjs'): string {
  const wiring = PLUGIN_WIRING[tool]
  const load =
    format === 'cjs'
      ? `const { ${wiring.imported} } = require('${wiring.from}')`
      : `import { ${wiring.imported} } from '${wiring.from}'`
  const exported = format === 'cjs' ? 'module.exports =' : 'export default'
  if (tool === 'next') return `${load}\n\n${exported} ${wiring.create(wiring.imported)}`
  return `${load}\n\n// in the config object:\nplugins: [${wiring.create(wiring.imported)}],`
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
