import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createConnection } from 'node:net'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { vi } from 'vitest'
import { stopChild } from '@sameorigin/test-utils'

const require = createRequire(import.meta.url)
const DIST = fileURLToPath(new URL('../dist/index.mjs', import.meta.url))
const BIN = join(dirname(require.resolve('@rsbuild/core/package.json')), 'bin/rsbuild.js')

/** A running `rsbuild dev`: where it listens and everything it printed so far. */
export interface RunningRsbuild {
  readonly url: string
  readonly root: string
  /** stdout and stderr, in the order printed, colour codes removed. */
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** Resolves once a TCP connection to the port succeeds (and closes it), rejects when refused. */
async function connect(port: number): Promise<void> {
  const socket = createConnection(port, '127.0.0.1')
  try {
    await once(socket, 'connect')
  } finally {
    socket.destroy()
  }
}

/**
 * Writes a small project (an `rsbuild.config.mjs` with `pluginSameOrigin()` from this package's build,
 * plus `files`) into a temp directory and runs the `rsbuild dev` CLI in it as a child process, on
 * 127.0.0.1 port 0; resolves once the route table is printed and the server accepts connections. `stop` ends the process and removes
 * the project; a start that fails does both before rejecting.
 */
export async function startRsbuildDev(files: Readonly<Record<string, string>>): Promise<RunningRsbuild> {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`tsdown\` in packages/rsbuild first.`)
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-rsbuild-cli-'))
  const config = [
    `import { pluginSameOrigin } from ${JSON.stringify(pathToFileURL(DIST).href)}`,
    "export default { server: { host: '127.0.0.1', port: 0, strictPort: true }, plugins: [pluginSameOrigin()] }",
  ].join('\n')
  const project = {
    'pnpm-workspace.yaml': '',
    'src/index.js': 'document.title = "dev"\n',
    'rsbuild.config.mjs': config,
    ...files,
  }
  for (const [name, text] of Object.entries(project)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  // stderr joins stdout in one pipe, so the output keeps the order printed in. `exec`: the pid is the CLI's.
  const child = spawn('sh', ['-c', 'exec "$0" "$@" 2>&1', process.execPath, BIN, 'dev'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  let text = ''
  const output = (): string => stripVTControlCharacters(text)
  const stop = async (): Promise<void> => {
    await stopChild(child)
    rmSync(root, { recursive: true, force: true })
  }
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        const found = /Local:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]
        if (found !== undefined && output().includes('routes (first match wins)')) resolve(Number(found))
      })
      child.once('exit', (code) =>
        reject(new Error(`rsbuild dev exited (${code}) before it was ready:\n${output()}`)),
      )
      setTimeout(
        () => reject(new Error(`rsbuild dev was not ready within 20 s:\n${output()}`)),
        20_000,
      ).unref()
    })
    // Rsbuild prints its URLs (and the route table under them) before its server listens.
    await vi.waitFor(() => connect(port), { timeout: 10_000 })
    return { url: `http://127.0.0.1:${port}`, root, output, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
