import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The dev tools sameorigin has a plugin for. */
export type Tool = 'vite' | 'next' | 'rsbuild' | 'rspack' | 'webpack'

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
  readonly packageManager: PackageManager
}

/** Config file names per tool, in the order each tool itself looks for them. */
export const TOOL_CONFIG_FILES: Readonly<Record<Tool, readonly string[]>> = {
  vite: [
    'vite.config.js',
    'vite.config.mjs',
    'vite.config.ts',
    'vite.config.cjs',
    'vite.config.mts',
    'vite.config.cts',
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
}

/** The sameorigin package for each tool. */
export const PLUGIN_PACKAGE: Readonly<Record<Tool, string>> = {
  vite: '@sameorigin/vite',
  next: '@sameorigin/next',
  rsbuild: '@sameorigin/rsbuild',
  rspack: '@sameorigin/webpack',
  webpack: '@sameorigin/webpack',
}

// Most specific first: Rsbuild projects depend on @rspack/core too, Next ships webpack inside,
// and a Vite app may keep webpack around for one old script.
const DETECTION_ORDER: readonly Tool[] = ['next', 'rsbuild', 'vite', 'rspack', 'webpack']

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
 * `tool` forces the answer (`sameorigin init --tool vite`); its config file is still looked up.
 */
export function detectProject(
  root: string,
  options: { readonly tool?: Tool; readonly env?: Readonly<Record<string, string | undefined>> } = {},
): DetectedProject {
  const packageJsonFile = existsSync(join(root, 'package.json')) ? join(root, 'package.json') : undefined
  const dependencies = packageJsonFile === undefined ? new Set<string>() : readDependencies(packageJsonFile)
  const tool =
    options.tool ??
    DETECTION_ORDER.find((candidate) => dependencies.has(TOOL_DEPENDENCY[candidate])) ??
    DETECTION_ORDER.find((candidate) => findConfigFile(root, candidate) !== undefined)
  return {
    root,
    packageJsonFile,
    tool,
    configFile: tool === undefined ? undefined : findConfigFile(root, tool),
    pluginPackage: tool === undefined ? undefined : PLUGIN_PACKAGE[tool],
    packageManager: detectPackageManager(root, options.env),
  }
}
