import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { parseEnv } from 'node:util'
import { createError } from '../errors/proxy-error.ts'

/** What {@link loadEnv} found. */
export interface LoadedEnv {
  /** Every variable: the files' values, with the process environment over them. */
  readonly env: Record<string, string>
  /** The absolute paths of the env files that exist, in load order (for messages about missing variables). */
  readonly files: string[]
}

/**
 * Reads `.env`, `.env.local`, `.env.[mode]` and `.env.[mode].local` from `envDir`, later files winning,
 * as Vite does; variables already in the process environment win over every file, so a shell or CI
 * setting is never overridden by a committed file. `.env.local` is skipped in `test` mode so tests do
 * not depend on one developer's machine (the dotenv-flow and Next.js convention).
 *
 * Files are parsed with Node's `util.parseEnv` (no `${VAR}` expansion inside values; targets expand
 * their own `${VAR}` when the config is resolved).
 * @param processEnv the environment that wins over the files; `process.env` unless given.
 * @throws ProxyError `ERR_CONFIG_VALUE_INVALID` for the mode `local`, which the `.local` suffix makes ambiguous.
 * @throws ProxyError `ERR_CONFIG_LOAD_FAILED` when an env file exists but cannot be read.
 * @example loadEnv('development', '/repo') // { env: { API_TARGET: '…', … }, files: ['/repo/.env'] }
 */
export function loadEnv(
  mode: string | undefined,
  envDir: string,
  processEnv: Readonly<Record<string, string | undefined>> = process.env,
): LoadedEnv {
  if (mode === 'local') {
    throw createError('ERR_CONFIG_VALUE_INVALID', {
      message: 'The mode "local" cannot be used: it is ambiguous with the ".local" suffix of env files.',
      hint: 'Use another mode name, such as "development" or "staging".',
    })
  }
  const names = toEnvFileNames(mode)
  const env: Record<string, string> = {}
  const files: string[] = []
  for (const name of names) {
    const file = resolve(join(envDir, name))
    const content = readIfExists(file)
    if (content === undefined) continue
    files.push(file)
    for (const [key, value] of Object.entries(parseEnv(content))) {
      if (value !== undefined) env[key] = value
    }
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined) env[key] = value
  }
  return { env, files }
}

/**
 * The env file names read for `mode`, in load order (later files win): what `loadEnv` reads and a
 * config watcher watches.
 * @example toEnvFileNames('development') // ['.env', '.env.local', '.env.development', '.env.development.local']
 */
export function toEnvFileNames(mode: string | undefined): string[] {
  const names = ['.env']
  if (mode !== 'test') names.push('.env.local')
  if (mode) names.push(`.env.${mode}`, `.env.${mode}.local`)
  return names
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // A missing file is the normal case; a directory with that name is not an env file either.
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined
    throw createError('ERR_CONFIG_LOAD_FAILED', {
      message: `The env file ${file} could not be read: ${(error as Error).message}`,
      hint: 'Check the file permissions, or remove the file.',
      cause: error,
      details: { file },
    })
  }
}
