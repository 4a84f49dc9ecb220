import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { CONFIG_FILE_NAMES } from '../config/find-config-file.ts'
import { toEnvFileNames } from '../config/load-env.ts'
import type { ResolvedConfig } from '../types.ts'
import type { LoadHostConfigOptions } from './load-host-config.ts'
import type { SameOriginOptions } from './same-origin-options.ts'

/**
 * The files whose edits change what `loadHostConfig` returns, as absolute paths (some may not exist
 * yet): the config file it loaded, or, when it found none, every name one would take in the root (so
 * a config written after the dev server started is picked up); and every env file of the mode in the
 * env directory, existing or not (a `.env.local` created later counts). `configFile: false` loads no
 * file, so none is watched, but env files still are: inline targets may name `${VAR}`s.
 * @example toConfigFiles({}, { root: '/app' }, resolved) // ['/app/sameorigin.config.ts', '/app/.env', …]
 */
export function toConfigFiles(
  options: SameOriginOptions,
  host: LoadHostConfigOptions,
  current: ResolvedConfig,
): string[] {
  const root = resolve(host.root ?? process.cwd())
  const configFile = current.configFile
  const configs =
    options.configFile === false
      ? []
      : configFile === undefined
        ? CONFIG_FILE_NAMES.map((name) => join(root, name))
        : [configFile]
  const envDir = toEnvDir(host, current)
  const envs = toEnvFileNames(host.mode ?? 'development').map((name) => join(envDir, name))
  return [...new Set([...configs, ...envs])]
}

/** Where `loadHostConfig` read the env files: the host's env directory, else the config file's, else the root. */
export function toEnvDir(host: LoadHostConfigOptions, current: ResolvedConfig): string {
  const root = resolve(host.root ?? process.cwd())
  const { configFile } = current
  return resolve(root, host.envDir ?? (configFile === undefined ? root : dirname(configFile)))
}
