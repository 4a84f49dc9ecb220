import { existsSync, readFileSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'
import process from 'node:process'
import { createError } from '../errors/proxy-error.ts'
import { createDebug } from '../logging/debug.ts'
import type { ConfigIssue, ResolvedConfig, UserConfig } from '../types.ts'
import { describeMissingModule } from './describe-missing-module.ts'
import { CONFIG_FILE_NAMES, findConfigFile } from './find-config-file.ts'
import { loadEnv } from './load-env.ts'
import { mergeConfig } from './merge-config.ts'
import { resolveConfig } from './resolve-config.ts'

/** What a config file exporting a function receives. */
export interface ConfigEnv {
  /** The mode whose env files were loaded (the host's mode, e.g. Vite's `--mode`). */
  readonly mode: string
  /** What the host is doing, when it says: `serve` for a dev or preview server, `build` for a build. */
  readonly command: 'serve' | 'build' | undefined
}

/** What a config file may export by default: the config, a promise of it, or a function returning either. */
export type UserConfigExport =
  | UserConfig
  | Promise<UserConfig>
  | ((env: ConfigEnv) => UserConfig | Promise<UserConfig>)

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * Where the config file search starts (see `findConfigFile`), and what a relative `configFile` is relative to.
   * @default process.cwd()
   */
  root?: string
  /**
   * A config file to load instead of searching, or `false` to load none and use `inline` only.
   * @default the nearest `sameorigin.config.*` from `root` up to the workspace root
   */
  configFile?: string | false
  /**
   * Selects the `.env.[mode]` files and is passed to a function config.
   * @default 'development' (sameorigin runs in dev servers, as Vite's `serve` default)
   */
  mode?: string
  /** Passed to a function config. @default undefined */
  command?: 'serve' | 'build'
  /**
   * The directory holding the `.env` files.
   * @default the config file's directory, else `root`
   */
  envDir?: string
  /**
   * The environment that wins over the env files (a shell or CI setting is never overridden by a
   * committed file).
   * @default process.env
   */
  processEnv?: Readonly<Record<string, string | undefined>>
  /**
   * Options given in code (an adapter's options), merged over the file's key by key: other top-level
   * keys replace the file's, routes merge per route key with the inline route winning.
   * @default {}
   */
  inline?: UserConfig
}

const LOADABLE = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'])
const NO_DEFAULT = Symbol('no default export')
const EXAMPLE = "export default defineConfig({ routes: { '/api': 'http://127.0.0.1:8080' } })"

/**
 * Loads `sameorigin.config.*` (TypeScript without a build step), merges `inline` over it, loads the
 * env files for the mode and resolves the result. Every call reads the files afresh, so a host can call
 * it again when the config or an env file changes.
 *
 * When there is neither a config file nor an inline route, the result has no routes and one warning
 * instead of an error: adapters are installed before the routes are written, and a dev server that
 * refuses to start over a missing proxy config is worse than one that says so once.
 * @throws ProxyError `ERR_CONFIG_LOAD_FAILED` naming the file when it is missing, cannot be parsed or
 * run, or does not export a config; `ERR_CONFIG_INVALID` (from `resolveConfig`) listing every problem.
 * @example
 * const config = await loadConfig({ root: server.config.root, mode: server.config.mode, inline: options })
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const root = resolve(options.root ?? process.cwd())
  const mode = options.mode ?? 'development'
  const configFile =
    options.configFile === false
      ? undefined
      : options.configFile === undefined
        ? findConfigFile(root)
        : resolve(root, options.configFile)

  const fromFile = configFile ? await loadConfigFile(configFile, { mode, command: options.command }) : {}
  const merged = mergeConfig(fromFile, options.inline ?? {})
  const { env, files } = loadEnv(
    mode,
    resolve(root, options.envDir ?? (configFile ? dirname(configFile) : root)),
    options.processEnv,
  )
  createDebug('sameorigin:config')?.('config file: %s, env files: %o', configFile ?? 'none', files)

  // resolveConfig names the env files most specific first, where a developer would override a value.
  const resolved = resolveConfig(merged, { env, envFiles: files.toReversed(), configFile, root })
  if (configFile || hasRoutes(merged)) return resolved
  return Object.freeze({
    ...resolved,
    warnings: Object.freeze([...resolved.warnings, noConfigIssue(root, options)]),
  })
}

/**
 * The default export of a JavaScript or TypeScript config file, read afresh on every call (a fresh jiti
 * without caches), so a reload sees edits to the file and what it imports. `.mjs` and `.cjs` files are
 * read and evaluated by jiti rather than imported: `jiti.import` hands them to Node's own loader, whose
 * module cache would answer a reload with the first version. jiti is imported here, not at the top:
 * it is large, and adapters import core at dev-server start.
 */
async function importConfigModule(file: string, ext: string): Promise<unknown> {
  const { createJiti } = await import('jiti')
  const jiti = createJiti(file, { moduleCache: false, fsCache: false })
  if (ext === '.mjs' || ext === '.cjs') {
    const source = readFileSync(file, 'utf8')
    const options = { filename: file, id: file, async: true, forceTranspile: true }
    const mod = (await jiti.evalModule(source, options)) as Record<string, unknown>
    // A CommonJS file's `module.exports` is its config.
    return 'default' in mod ? mod.default : ext === '.cjs' ? mod : NO_DEFAULT
  }
  const mod = await jiti.import<Record<string, unknown>>(file)
  // jiti's interop answers `mod.default` with the namespace itself when there is no default export.
  return 'default' in mod ? mod.default : NO_DEFAULT
}

async function loadConfigFile(file: string, env: ConfigEnv): Promise<UserConfig> {
  const fail = (problem: string, cause?: unknown, hint?: string): never => {
    const message = `Could not load ${file}: ${problem}`
    throw createError('ERR_CONFIG_LOAD_FAILED', { message, hint, cause, details: { file } })
  }
  const ext = extname(file)
  if (!LOADABLE.has(ext)) {
    const names = [...LOADABLE].join(', ')
    fail(`"${ext}" files are not supported.`, undefined, `Use a config file ending in ${names}.`)
  }
  if (!existsSync(file)) {
    const hint = `Check the path (relative paths start at the root), or leave configFile out to search for ${CONFIG_FILE_NAMES[0]}.`
    fail('the file does not exist.', undefined, hint)
  }

  let exported: unknown
  try {
    if (ext === '.json') {
      exported = JSON.parse(readFileSync(file, 'utf8'))
    } else {
      exported = await importConfigModule(file, ext)
    }
    if (typeof exported === 'function') exported = await (exported as (env: ConfigEnv) => unknown)(env)
    exported = await exported
  } catch (error) {
    const missing = describeMissingModule(error, readDependencies(file))
    if (missing !== undefined)
      fail(`it imports ${missing.specifier}, which cannot be found.`, error, missing.hint)
    fail(error instanceof Error ? error.message : String(error), error)
  }
  if (exported === NO_DEFAULT) fail(`it has no default export (${EXAMPLE}).`)
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) {
    const got = exported === null ? 'null' : Array.isArray(exported) ? 'an array' : typeof exported
    fail(`it must export a config object (${EXAMPLE}), but exports ${got}.`)
  }
  // `$schema` lets editors validate a JSON config; it is not an option.
  if (ext === '.json') {
    const { $schema: _schema, ...rest } = exported as Record<string, unknown>
    return rest as UserConfig
  }
  return exported as UserConfig
}

/** The dependency names of the package.json beside the config file (none when there is none or it is unreadable). */
function readDependencies(file: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(resolve(dirname(file), 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
    return ['dependencies', 'devDependencies'].flatMap((field) => {
      const deps = manifest[field]
      return typeof deps === 'object' && deps !== null ? Object.keys(deps) : []
    })
  } catch {
    return []
  }
}

function hasRoutes(config: UserConfig): boolean {
  const { routes } = config
  if (routes === undefined || routes === null) return false
  return Array.isArray(routes) ? routes.length > 0 : Object.keys(routes).length > 0
}

function noConfigIssue(root: string, options: LoadConfigOptions): ConfigIssue {
  const names = `sameorigin.config.{${CONFIG_FILE_NAMES.map((name) => name.slice('sameorigin.config.'.length)).join(',')}}`
  return {
    code: 'ERR_CONFIG_NOT_FOUND',
    severity: 'warning',
    path: 'routes',
    message:
      options.configFile === false
        ? 'No routes were given and loading a config file is turned off: nothing is proxied.'
        : `No ${names} was found in ${root} or its parents up to the workspace root, and no routes were given: nothing is proxied.`,
    fix: `Create sameorigin.config.ts with ${EXAMPLE}`,
  }
}
