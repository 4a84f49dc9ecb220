import type { Server as HttpServer } from 'node:http'
import type { ProxyMiddleware } from '@sameorigin/core'

/**
 * What the preset reads of the polka app Storybook hands `experimental_devServer` (Storybook 9.1.16+
 * and 10): its middleware chain and the http(s) server it will listen on. Typed here rather than
 * imported, so one shape covers both majors.
 */
export interface StorybookApp {
  /** The server `storybook dev` created and listens on (`polka({ server })`). */
  readonly server?: HttpServer | undefined
  readonly use: (middleware: ProxyMiddleware) => unknown
}

/**
 * The addon's options: `addons: [{ name: '@sameorigin/storybook', options: { configFile } }]`.
 * Routes and everything else come from `sameorigin.config.*`, the file every other tool reads.
 */
export interface SameOriginStorybookOptions {
  /**
   * The sameorigin config file, relative to the working directory `storybook dev` runs in.
   * @default the nearest `sameorigin.config.*` from the working directory up to the workspace root
   */
  readonly configFile?: string | undefined
}

/** What the preset reads of Storybook's options (Storybook spreads the addon's options into them). */
export interface StorybookPresetOptions extends SameOriginStorybookOptions {
  /** The Storybook config folder (`.storybook`), one proxy per folder. */
  readonly configDir: string
  /** `--host`: a name Storybook also accepts in `Host`. */
  readonly host?: string | undefined
  /** `--https`. */
  readonly https?: boolean | undefined
  readonly presets: {
    readonly apply: (extension: 'core') => Promise<StorybookCoreConfig | undefined>
  }
}

/** The part of Storybook's `core` preset the proxy follows. */
export interface StorybookCoreConfig {
  /** `core.allowedHosts`: the names Storybook accepts in `Host` (besides loopback and IPs), or `true` for any. */
  readonly allowedHosts?: readonly string[] | true | undefined
}
