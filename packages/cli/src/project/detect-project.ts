import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The dev tools and full-stack frameworks sameorigin has a plugin for. */
export type Tool =
  | 'vite'
  | 'next'
  | 'rsbuild'
  | 'rspack'
  | 'webpack'
  | 'sveltekit'
  | 'nuxt'
  | 'astro'
  | 'react-router'
  | 'angular'
  | 'storybook'

/** A package manager, as detected from lockfiles or `npm_config_user_agent`. */
export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun'

/** What {@link detectProject} found in a folder. */
export interface DetectedProject {
  /** The folder looked at. */
  readonly root: string
  /** `<root>/package.json` when there is one. */
  readonly packageJsonFile: string | undefined
  /** The tool, or `undefined` when none was found. */
  readonly tool: Tool | undefined
  /** The tool's config file (absolute), when it has one. */
  readonly configFile: string | undefined
  /** The sameorigin package that mounts the proxy in `tool`. */
  readonly pluginPackage: string | undefined
  /** `.storybook/main.*` (absolute) when the project has Storybook, whatever `tool` is. */
  readonly storybookConfig: string | undefined
  readonly packageManager: PackageManager
}

const VITE_CONFIG_FILES = [
  'vite.config.js',
  'vite.config.mjs',
  'vite.config.ts',
  'vite.config.cjs',
  'vite.config.mts',
  'vite.config.cts',
]

/**
 * Config file names per tool, in the order each tool itself looks for them. SvelteKit and React
 * Router (framework mode) are Vite plugins: their config is Vite's.
 */
export const TOOL_CONFIG_FILES: Readonly<Record<Tool, readonly string[]>> = {
  vite: VITE_CONFIG_FILES,
  sveltekit: VITE_CONFIG_FILES,
  'react-router': VITE_CONFIG_FILES,
  nuxt: ['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs', 'nuxt.config.mts', 'nuxt.config.cjs'],
  astro: [
    'astro.config.mjs',
    'astro.config.js',
    'astro.config.ts',
    'astro.config.mts',
    'astro.config.cjs',
    'astro.config.cts',
  ],
  next: ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.mts'],
  rsbuild: [
    'rsbuild.config.mjs',
    'rsbuild.config.ts',
    'rsbuild.config.js',
    'rsbuild.config.cjs',
    'rsbuild.config.mts',
    'rsbuild.config.cts',
  ],
  rspack: [
    'rspack.config.js',
    'rspack.config.ts',
    'rspack.config.mjs',
    'rspack.config.cjs',
    'rspack.config.mts',
    'rspack.config.cts',
  ],
  // Angular's workspace file; `ng serve`'s builder is named there.
  angular: ['angular.json'],
  storybook: [
    '.storybook/main.ts',
    '.storybook/main.js',
    '.storybook/main.mjs',
    '.storybook/main.mts',
    '.storybook/main.cjs',
    '.storybook/main.cts',
  ],
  webpack: [
    'webpack.config.js',
    'webpack.config.ts',
    'webpack.config.mjs',
    'webpack.config.cjs',
    'webpack.config.mts',
    'webpack.config.cts',
  ],
}

/** The dependency that marks each tool in package.json. */
const TOOL_DEPENDENCY: Readonly<Record<Tool, string>> = {
  vite: 'vite',
  next: 'next',
  rsbuild: '@rsbuild/core',
  rspack: '@rspack/core',
  webpack: 'webpack',
  sveltekit: '@sveltejs/kit',
  nuxt: 'nuxt',
  astro: 'astro',
  'react-router': '@react-router/dev',
  angular: '@angular/build',
  storybook: 'storybook',
}

/**
 * Files that mark a tool when package.json does not name it. A framework whose config is Vite's
 * is known by its own file: `vite.config.ts` alone is a Vite app.
 */
const TOOL_MARKER_FILES: Readonly<Partial<Record<Tool, readonly string[]>>> = {
  sveltekit: ['svelte.config.js', 'svelte.config.ts'],
  'react-router': ['react-router.config.ts', 'react-router.config.js', 'react-router.config.mjs'],
}

/** The sameorigin package for each tool. */
export const PLUGIN_PACKAGE: Readonly<Record<Tool, string>> = {
  vite: '@sameorigin/vite',
  next: '@sameorigin/next',
  rsbuild: '@sameorigin/rsbuild',
  rspack: '@sameorigin/webpack',
  webpack: '@sameorigin/webpack',
  sveltekit: '@sameorigin/sveltekit',
  nuxt: '@sameorigin/nuxt',
  astro: '@sameorigin/astro',
  // React Router's framework mode is a Vite plugin: the Vite plugin serves it (and `/server` its loaders).
  'react-router': '@sameorigin/vite',
  angular: '@sameorigin/angular',
  storybook: '@sameorigin/storybook',
}

// Most specific first: the frameworks depend on Vite, Rsbuild projects on @rspack/core too, Next
// ships webpack inside, and a Vite app may keep webpack around for one old script.
const DETECTION_ORDER: readonly Tool[] = [
  'next',
  'nuxt',
  'sveltekit',
  'astro',
  'react-router',
  'angular',
  'rsbuild',
  'vite',
  'rspack',
  'webpack',
]

/** Bundlers a Storybook builder brings along: with no config file of their own, Storybook is the dev server. */
const STORYBOOK_BUILDERS: ReadonlySet<Tool | undefined> = new Set([
  undefined,
  'vite',
  'webpack',
  'rspack',
  'rsbuild',
])

function readDependencies(file: string): Set<string> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>
  return new Set([
    ...Object.keys(json.dependencies ?? {}),
    ...Object.keys(json.devDependencies ?? {}),
    ...Object.keys(json.peerDependencies ?? {}),
  ])
}

function findConfigFile(root: string, tool: Tool): string | undefined {
  const name = TOOL_CONFIG_FILES[tool].find((candidate) => existsSync(join(root, candidate)))
  return name === undefined ? undefined : join(root, name)
}

/** The package manager of the project: its lockfile, else the one running us, else npm. */
export function detectPackageManager(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PackageManager {
  if (existsSync(join(root, 'pnpm-lock.yaml'))) return 'pnpm'
  if (existsSync(join(root, 'yarn.lock'))) return 'yarn'
  if (existsSync(join(root, 'bun.lock')) || existsSync(join(root, 'bun.lockb'))) return 'bun'
  if (existsSync(join(root, 'package-lock.json'))) return 'npm'
  const agent = env.npm_config_user_agent?.split('/')[0]
  return agent === 'pnpm' || agent === 'yarn' || agent === 'bun' ? agent : 'npm'
}

/**
 * Finds the dev tool of the project in `root`: a tool's dependency in package.json wins (the most
 * specific tool first: Next and Rsbuild bring webpack and Rspack along), else a tool config file.
 * Storybook is the tool when the project has `.storybook/main.*` and no app dev server of its own
 * (no tool, or a bundler without a config file); otherwise init wires it beside the tool.
 * `tool` forces the answer (`sameorigin init --tool vite`); its config file is still looked up.
 */
export function detectProject(
  root: string,
  options: { readonly tool?: Tool; readonly env?: Readonly<Record<string, string | undefined>> } = {},
): DetectedProject {
  const packageJsonFile = existsSync(join(root, 'package.json')) ? join(root, 'package.json') : undefined
  const dependencies = packageJsonFile === undefined ? new Set<string>() : readDependencies(packageJsonFile)
  const found =
    DETECTION_ORDER.find((candidate) => dependencies.has(TOOL_DEPENDENCY[candidate])) ??
    DETECTION_ORDER.find((candidate) =>
      (TOOL_MARKER_FILES[candidate] ?? TOOL_CONFIG_FILES[candidate]).some((name) =>
        existsSync(join(root, name)),
      ),
    )
  const storybookConfig = findConfigFile(root, 'storybook')
  // A component library: Storybook is its only dev server (its Vite or webpack has no config file).
  const storybookOnly =
    storybookConfig !== undefined &&
    STORYBOOK_BUILDERS.has(found) &&
    (found === undefined || findConfigFile(root, found) === undefined)
  const tool = options.tool ?? (storybookOnly ? 'storybook' : found)
  return {
    root,
    packageJsonFile,
    tool,
    configFile: tool === undefined ? undefined : findConfigFile(root, tool),
    pluginPackage: tool === undefined ? undefined : PLUGIN_PACKAGE[tool],
    storybookConfig,
    packageManager: detectPackageManager(root, options.env),
  }
}
