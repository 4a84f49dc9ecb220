import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { UserConfig } from '@sameorigin/core'
import type { FixtureCopy } from '../src/copy-fixture.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import type { CapturedLogs } from '../src/types.ts'

// What the webpack-family hosts (webpack-dev-server 5 and 6, Rspack) share: the project they compile,
// their dev server options and where their log lines go.

/** The dev servers' client socket, as `StartedHost.hmr` describes it. */
export interface WebpackHmrSocket {
  readonly url: string
  /** No subprotocol: the dev servers' clients ask for none. */
  readonly protocol: ''
  /**
   * The `type` of the first message (`hot`: HMR is on) and of the one sent when a static file
   * changes (`static-changed`: the page reloads); the same in webpack-dev-server 5 and 6 and
   * @rspack/dev-server 2. (Vite's are `connected` and `full-reload`.)
   */
  readonly messages: { readonly connected: 'hot'; readonly reload: 'static-changed' }
}

/** What the dev servers' client opens: `/ws` on the dev server, no subprotocol. */
export function toHmrSocket(port: number): WebpackHmrSocket {
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    protocol: '',
    messages: { connected: 'hot', reload: 'static-changed' },
  }
}

/** A copy of the fixture with a tiny entry module, served as a webpack / Rspack project. */
export async function copyWebpackProject(fixtureDir: string): Promise<FixtureCopy> {
  const fixture = await copyFixture(fixtureDir)
  await writeFile(join(fixture.dir, 'index.js'), "document.documentElement.dataset.bundle = 'loaded'\n")
  return fixture
}

/**
 * The `devServer` options every webpack-family host uses: 127.0.0.1 on a random port, the fixture as
 * static files (watched, so editing `index.html` reloads the page), nothing opened, compression and
 * every other default left as users get them.
 */
export function toDevServerOptions(dir: string): Record<string, unknown> {
  return { host: '127.0.0.1', port: 0, static: { directory: dir, watch: true }, open: false }
}

/** The project config around the dev server: the fixture's entry, compiled in development mode. */
export function toProjectConfig(dir: string): { mode: 'development'; context: string; entry: string } {
  return { mode: 'development', context: dir, entry: './index.js' }
}

const line = (...args: unknown[]): string => args.map(String).join(' ')

/**
 * A console for `infrastructureLogging.console`: webpack and Rspack print the dev server's and the
 * plugin's lines through it, so the plugin's `[sameorigin]` lines land in the host's `logs`.
 */
export function toInfrastructureConsole(
  logs: CapturedLogs & Pick<Console, 'info' | 'warn' | 'error'>,
): Console {
  return {
    ...globalThis.console,
    log: (...args: unknown[]) => logs.info(line(...args)),
    info: (...args: unknown[]) => logs.info(line(...args)),
    warn: (...args: unknown[]) => logs.warn(line(...args)),
    error: (...args: unknown[]) => logs.error(line(...args)),
    debug: () => {},
  }
}

/** The scenario's config as the adapter's options: the scenario's routes are all there is. */
export function toPluginOptions(config: UserConfig): UserConfig & { configFile: false } {
  return { ...config, configFile: false }
}
