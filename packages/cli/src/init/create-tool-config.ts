import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Tool } from '../project/detect-project.ts'

/** A config file init writes for a tool that was running without one. */
export interface NewToolConfig {
  readonly file: string
  readonly code: string
}

/**
 * The config file for a tool that runs without one (Vite, Rsbuild, Next, Nuxt and Astro read their defaults):
 * just the plugin, TypeScript when the project has a tsconfig.json. webpack and Rspack configs carry
 * entries and loaders a new file would have to guess, and SvelteKit and React Router apps always
 * have a Vite config, so they get `undefined` (and the lines to add).
 */
export function createToolConfig(tool: Tool, root: string): NewToolConfig | undefined {
  const ext = existsSync(join(root, 'tsconfig.json')) ? 'ts' : 'mjs'
  if (tool === 'vite') {
    return {
      file: join(root, `vite.config.${ext}`),
      code: [
        "import { sameorigin } from '@sameorigin/vite'",
        "import { defineConfig } from 'vite'",
        '',
        'export default defineConfig({',
        '  plugins: [sameorigin()],',
        '})',
        '',
      ].join('\n'),
    }
  }
  if (tool === 'rsbuild') {
    return {
      file: join(root, `rsbuild.config.${ext}`),
      code: [
        "import { defineConfig } from '@rsbuild/core'",
        "import { pluginSameOrigin } from '@sameorigin/rsbuild'",
        '',
        'export default defineConfig({',
        '  plugins: [pluginSameOrigin()],',
        '})',
        '',
      ].join('\n'),
    }
  }
  if (tool === 'next') {
    return {
      file: join(root, `next.config.${ext}`),
      code: [
        "import { withSameOrigin } from '@sameorigin/next'",
        '',
        'export default withSameOrigin({})',
        '',
      ].join('\n'),
    }
  }
  if (tool === 'nuxt') {
    return {
      file: join(root, 'nuxt.config.ts'),
      code: ['export default defineNuxtConfig({', "  modules: ['@sameorigin/nuxt'],", '})', ''].join('\n'),
    }
  }
  if (tool === 'astro') {
    return {
      file: join(root, 'astro.config.mjs'),
      code: [
        "import sameorigin from '@sameorigin/astro'",
        "import { defineConfig } from 'astro/config'",
        '',
        'export default defineConfig({',
        '  integrations: [sameorigin()],',
        '})',
        '',
      ].join('\n'),
    }
  }
  return undefined
}
