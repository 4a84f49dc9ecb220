import { loadConfig } from '../config/load-config.ts'
import type { ResolvedConfig } from '../types.ts'
import type { SameOriginOptions } from './same-origin-options.ts'

/** What the host tells {@link loadHostConfig} about itself: each adapter reads these from its host. */
export interface LoadHostConfigOptions {
  /**
   * The host's root (Vite's `root`, the compiler's `context`, Rsbuild's root): where the config file
   * search starts, and what a relative `configFile` is relative to.
   * @default process.cwd()
   */
  readonly root?: string | undefined
  /**
   * The host's mode: selects the `.env.[mode]` files and is passed to a function config.
   * @default 'development'
   */
  readonly mode?: string | undefined
  /**
   * The host's own env directory (Vite's `envDir`), when it has one.
   * @default the config file's directory, else `root`
   */
  readonly envDir?: string | undefined
  /**
   * What the host is doing, passed to a function config: `serve` for a dev or preview server.
   * @default 'serve'
   */
  readonly command?: 'serve' | 'build' | undefined
  /**
   * The environment that wins over the env files.
   * @default process.env
   */
  readonly processEnv?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Loads the config for a host adapter: its options split into `configFile` and the inline config
 * merged over the file, with the host's root, mode and env directory (`loadConfig` does the rest).
 * Every call reads the files afresh.
 * @throws ProxyError `ERR_CONFIG_LOAD_FAILED` or `ERR_CONFIG_INVALID` (listing every problem), as
 * `loadConfig` does.
 * @example
 * const resolved = await loadHostConfig(options, { root: config.root, mode: config.mode })
 */
export function loadHostConfig(
  options: SameOriginOptions,
  host: LoadHostConfigOptions = {},
): Promise<ResolvedConfig> {
  const { configFile, ...inline } = options
  return loadConfig({
    root: host.root,
    mode: host.mode,
    envDir: host.envDir,
    command: host.command ?? 'serve',
    processEnv: host.processEnv,
    configFile,
    inline,
  })
}
