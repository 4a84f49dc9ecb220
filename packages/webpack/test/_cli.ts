import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { findNode24, stopChild } from '@sameorigin/test-utils'

const require = createRequire(import.meta.url)
const DIST = fileURLToPath(new URL('../dist/index.mjs', import.meta.url))

/** The three ways users start a dev server, each through its real CLI. */
export type CliKind = 'webpack-dev-server@5' | 'webpack-dev-server@6' | 'rspack'
export const CLI_KINDS: readonly CliKind[] = ['webpack-dev-server@5', 'webpack-dev-server@6', 'rspack']

/** What a CLI run needs: its binary, the Node to run it with, and its environment. */
function commandFor(kind: CliKind): { node: string; bin: string; env: Record<string, string> } {
  if (kind === 'rspack')
    return {
      node: process.execPath,
      bin: join(dirname(require.resolve('@rspack/cli/package.json')), 'bin/rspack.js'),
      env: {},
    }
  // webpack-cli imports `webpack-dev-server` by name; its WEBPACK_DEV_SERVER_PACKAGE variable names
  // another module to import instead (a path), which is how one checkout serves both majors: each run
  // points it at an npm alias's entry file, and nothing is linked or copied.
  const alias = kind === 'webpack-dev-server@5' ? 'webpack-dev-server5' : 'webpack-dev-server6'
  const entry = kind === 'webpack-dev-server@5' ? require.resolve(alias) : resolveEsmEntry(alias)
  return {
    node: kind === 'webpack-dev-server@6' ? findNode24('webpack-dev-server 6') : process.execPath,
    bin: require.resolve('webpack-cli/bin/cli.js'),
    env: { WEBPACK_DEV_SERVER_PACKAGE: entry },
  }
}

/** webpack-dev-server 6's ESM entry (`lib/Server.js`, its `import` condition), which the CLI imports. */
function resolveEsmEntry(name: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), 'lib/Server.js')
}

/** A running CLI: where it listens and everything it printed so far. */
export interface RunningCli {
  readonly url: string
  readonly port: number
  readonly root: string
  /** stdout and stderr, in the order printed, colour codes removed. */
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** Options for {@link startCli}. */
export interface StartCliOptions {
  /**
   * The body of the config module: JavaScript with `SameOriginPlugin` and `withSameOrigin` in scope,
   * assigning `config` (the export). `context`, `mode` and `entry` are filled in unless set.
   */
  readonly config: string
  /** Extra files of the project (`sameorigin.config.mjs`, `.env.staging`). */
  readonly files?: Readonly<Record<string, string>>
  /** Printed once the server is ready. @default the route table */
  readonly readyWhen?: RegExp
}

const BASE_FILES: Readonly<Record<string, string>> = {
  // Stops the sameorigin.config.* search here, as a repository root would.
  'pnpm-workspace.yaml': '',
  'src/index.js': "document.title = 'fixture'\n",
  'public/index.html': '<!doctype html><title>fixture</title><script src="/main.js"></script>\n',
}

function writeProject(options: StartCliOptions): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-webpack-'))
  const configModule = [
    `import { SameOriginPlugin, withSameOrigin } from ${JSON.stringify(pathToFileURL(DIST).href)}`,
    'let config',
    options.config,
    "export default { mode: 'development', context: import.meta.dirname, entry: './src/index.js', ...config }",
  ].join('\n')
  const files = { ...BASE_FILES, ...options.files, 'build.config.mjs': configModule }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

/**
 * Writes a small project into a temp directory and runs `<cli> serve -c build.config.mjs` in it as a
 * child process; resolves when the output shows the server's URL and `readyWhen`. `stop` ends the
 * process and removes the project; a start that fails does both before rejecting.
 */
export async function startCli(kind: CliKind, options: StartCliOptions): Promise<RunningCli> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`tsdown\` in packages/webpack first.`)
  const { node, bin, env } = commandFor(kind)
  const root = writeProject(options)
  // stderr joins stdout in one pipe, so the output keeps the order the CLI printed in (Rspack prints
  // its URLs to stdout, webpack's infrastructure log goes to stderr). `exec`: the pid is the CLI's.
  const child = spawn('sh', ['-c', 'exec "$0" "$@" 2>&1', node, bin, 'serve', '-c', 'build.config.mjs'], {
    cwd: root,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  let text = ''
  const output = (): string => stripVTControlCharacters(text)
  const stop = async (): Promise<void> => {
    await stopChild(child)
    rmSync(root, { recursive: true, force: true })
  }
  const readyWhen = options.readyWhen ?? /routes \(first match wins\)/
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const check = (chunk: Buffer): void => {
        text += chunk.toString('utf8')
        // The dev server's own URL line (webpack-dev-server: `Loopback:`, Rspack: `Local:`).
        const found = /(?:Loopback|Local):\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]
        if (found !== undefined && readyWhen.test(output())) resolve(Number(found))
      }
      child.stdout!.on('data', check)
      child.once('exit', (code) =>
        reject(new Error(`${kind} exited (${code}) before it was ready:\n${output()}`)),
      )
      setTimeout(() => reject(new Error(`${kind} was not ready within 20 s:\n${output()}`)), 20_000).unref()
    })
    return { url: `http://127.0.0.1:${port}`, port, root, output, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
