import { relative, resolve } from 'node:path'
import process from 'node:process'
import { describeConfigChange } from '../config/describe-config-change.ts'
import { loadEnv } from '../config/load-env.ts'
import type { ProxyError } from '../errors/proxy-error.ts'
import { createError, isProxyError } from '../errors/proxy-error.ts'
import { createLogger } from '../logging/logger.ts'
import type { Logger, ResolvedConfig } from '../types.ts'
import type { LoadHostConfigOptions } from './load-host-config.ts'
import { loadHostConfig } from './load-host-config.ts'
import type { SameOriginOptions } from './same-origin-options.ts'
import { toConfigFiles, toEnvDir } from './to-config-files.ts'
import type { FileWatcher } from './watch-config-files.ts'
import { watchConfigFiles } from './watch-config-files.ts'

/** Options for {@link watchConfig}: where the config came from, and what to do with a new one. */
export interface WatchConfigOptions extends LoadHostConfigOptions {
  /** The config serving now, as `loadHostConfig` returned it for the same options and host. */
  readonly current: ResolvedConfig
  /** The host's logger: the change line at `info`, a bad edit's problems at `error` (the config's `logLevel` applies). */
  readonly logger: Logger
  /** Puts a good config in service (each proxy's `update`). A throw counts as a bad edit. */
  readonly apply: (next: ResolvedConfig) => void
  /**
   * Called with a bad edit's error, and with `undefined` once an edit fixed it: for a host that shows
   * problems where the developer looks, besides the terminal (Vite's error overlay).
   */
  readonly onProblem?: (problem: ProxyError | undefined) => void
}

/** A running {@link watchConfig}. */
export interface ConfigWatcher extends FileWatcher {
  /** The files watched (absolute; some may not exist yet). */
  readonly files: readonly string[]
}

/**
 * Live reload of a host's config: when the config file or an env file it reads changes, loads the
 * config again (as `loadHostConfig`) and `apply`s it, with one `info` line saying what changed. A bad
 * edit keeps the last good config serving and logs its problems once (code, path, fix), until an edit
 * fixes it. Reloads run one at a time, the last edit always winning.
 * @example
 * const watcher = watchConfig(options, { root, mode, current: resolved, logger, apply: engine.update })
 * server.once('close', () => void watcher.close())
 */
export function watchConfig(options: SameOriginOptions, watch: WatchConfigOptions): ConfigWatcher {
  const files = toConfigFiles(options, watch, watch.current)
  const host = { ...watch, processEnv: withoutCopiedVariables(watch) }
  const root = resolve(watch.root ?? process.cwd())
  let current = watch.current
  let reported: string | undefined
  let running = false
  let pending: string | undefined
  let closed = false

  const reload = async (file: string): Promise<void> => {
    const log = createLogger(current.logLevel, { logger: watch.logger })
    const name = relative(root, file) || file
    try {
      const next = await loadHostConfig(options, host)
      if (closed) return
      watch.apply(next)
      const change = describeConfigChange(current, next)
      current = next
      createLogger(next.logLevel, { logger: watch.logger }).info(`${name} changed: ${change}`)
      if (reported !== undefined) watch.onProblem?.(undefined)
      reported = undefined
    } catch (cause) {
      if (closed) return
      const error = isProxyError(cause)
        ? cause
        : createError('ERR_CONFIG_LOAD_FAILED', { message: String(cause), cause })
      const text = `${error.code}: ${error.message}\n  hint: ${error.hint}`
      if (text === reported) return
      reported = text
      log.error(`${name} changed, but the config cannot be used; the last good one keeps serving.\n${text}`)
      watch.onProblem?.(error)
    }
  }
  const run = (file: string): void => {
    if (running) return void (pending = file)
    running = true
    void reload(file).finally(() => {
      running = false
      const next = pending
      pending = undefined
      if (next !== undefined && !closed) run(next)
    })
  }

  const watcher = watchConfigFiles(files, run)
  return {
    files,
    ready: watcher.ready,
    close: async () => {
      closed = true
      await watcher.close()
    },
  }
}

/**
 * The environment a reload lets win over the env files: the process's, less the variables the host
 * had copied into it from those same files before the first load (Next and Rsbuild's CLI load `.env`
 * files into `process.env`). Those are the files' values, not the shell's: were they kept, an edited
 * or deleted `.env.local` would never count. A variable is taken as copied when its value is the one
 * the files give it.
 */
function withoutCopiedVariables(watch: WatchConfigOptions): Record<string, string | undefined> {
  const processEnv = watch.processEnv ?? process.env
  let fromFiles: Record<string, string>
  try {
    fromFiles = loadEnv(watch.mode ?? 'development', toEnvDir(watch, watch.current), {}).env
  } catch {
    return { ...processEnv }
  }
  const kept: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(processEnv)) {
    if (fromFiles[name] !== value) kept[name] = value
  }
  return kept
}
