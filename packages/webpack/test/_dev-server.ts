import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { onTestFinished } from 'vitest'
import webpack from 'webpack'
import type { Configuration, WebpackPluginInstance } from 'webpack'
import WebpackDevServer from 'webpack-dev-server5'

const DEFAULT_FILES: Readonly<Record<string, string>> = {
  // Stops the sameorigin.config.* search here, as a repository root would.
  'pnpm-workspace.yaml': '',
  'src/index.js': "document.title = 'fixture'\n",
}

/** Writes a small project into a fresh temporary directory, removed when the test finishes. */
export function createFixture(files: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-webpack-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  for (const [name, text] of Object.entries({ ...DEFAULT_FILES, ...files })) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

/** One line of webpack's infrastructure log (what the dev server and the plugin print). */
export interface LogLine {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
}

/** A running webpack-dev-server 5, started through its API as `new Server(compiler.options.devServer, compiler)`. */
export interface StartedServer {
  readonly url: string
  readonly lines: LogLine[]
  readonly stop: () => Promise<void>
}

/** Options for {@link startDevServer}. */
export interface StartDevServerOptions {
  readonly root: string
  readonly plugins?: readonly WebpackPluginInstance[]
  readonly devServer?: Record<string, unknown>
  readonly mode?: Configuration['mode']
}

/**
 * Compiles the fixture and starts webpack-dev-server 5 on 127.0.0.1 port 0 with the compiler's
 * `devServer` (as user scripts and webpack-cli do), recording the infrastructure log; stopped when the
 * test finishes. A start that fails stops the server and closes the compiler before rejecting.
 */
export async function startDevServer(options: StartDevServerOptions): Promise<StartedServer> {
  const lines: LogLine[] = []
  const record =
    (level: LogLine['level']) =>
    (...args: unknown[]) =>
      void lines.push({ level, message: args.map(String).join(' ') })
  const compiler = webpack({
    mode: options.mode ?? 'development',
    context: options.root,
    entry: './src/index.js',
    plugins: [...(options.plugins ?? [])],
    devServer: { host: '127.0.0.1', port: 0, static: false, ...options.devServer },
    infrastructureLogging: {
      level: 'info',
      console: {
        ...console,
        info: record('info'),
        log: record('info'),
        warn: record('warn'),
        error: record('error'),
      },
    },
  })
  const { devServer } = compiler.options
  if (!devServer) throw new Error('the plugin left no devServer options')
  const server = new WebpackDevServer(devServer, compiler)
  const stop = async (): Promise<void> => {
    await server.stop()
    await new Promise<void>((resolve) => compiler.close(() => resolve()))
  }
  try {
    await server.start()
  } catch (error) {
    await stop()
    throw error
  }
  onTestFinished(stop)
  const { port } = server.server!.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, lines, stop }
}

/** The lines the plugin printed (`[sameorigin]`). */
export function ours(lines: readonly LogLine[]): LogLine[] {
  return lines.filter((line) => line.message.startsWith('[sameorigin]'))
}
