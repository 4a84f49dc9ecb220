import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findClosedLoopbackPort } from './listen.ts'
import { stopChild } from './stop-child.ts'
import { waitForPort } from './wait-for-port.ts'

/** Where Debian's package installs Caddy; `CADDY` overrides it. */
const CADDY = process.env.CADDY ?? '/usr/bin/caddy'

/** A file written into Caddy's folder. */
export interface CaddyFile {
  /** Relative to the folder (Caddy's working directory). */
  readonly path: string
  readonly content: string
}

/** A running Caddy. */
export interface RunningCaddy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly port: number
  /** The folder Caddy runs in (its working directory, with the Caddyfile and its data). */
  readonly dir: string
  /** Everything Caddy printed so far (its logs are JSON lines on stderr). */
  readonly printed: () => string
  /** Stops Caddy, waits for it to exit and removes its folder. */
  readonly close: () => Promise<void>
}

/** Why Caddy tests skip here, or `undefined` when Caddy is installed. */
export function caddyMissing(): string | undefined {
  return existsSync(CADDY)
    ? undefined
    : `Caddy is not installed (${CADDY}; apt-get install caddy, or set CADDY): the Caddy tests are skipped`
}

/**
 * The test's global options (no admin endpoint, no automatic HTTPS, storage inside `dir`) merged into
 * the Caddyfile: a Caddyfile has one global block, first, so they go into the file's own or a new one.
 */
function withTestOptions(caddyfile: string, dir: string): string {
  const options = ['\tadmin off', '\tauto_https off', `\tstorage file_system ${join(dir, 'data')}`]
  const lines = caddyfile.split('\n')
  const first = lines.findIndex((line) => line.trim() !== '' && !line.trim().startsWith('#'))
  if (lines[first]?.trim() === '{') {
    lines.splice(first + 1, 0, ...options)
    return lines.join('\n')
  }
  return ['{', ...options, '}', '', caddyfile].join('\n')
}

/**
 * Runs `caddy run` on the Caddyfile that `render(port)` gives for a free port (a string, or files of
 * which the first is the Caddyfile and the others, a CA bundle say, go beside it), in a fresh folder that
 * is also its `HOME`, `XDG_DATA_HOME` and `XDG_CONFIG_HOME` (so Caddy writes nothing elsewhere), with
 * `admin off`, `auto_https off` and file storage in that folder added to its global options.
 * Resolves once the port accepts connections.
 */
export async function startCaddy(
  render: (port: number) => string | readonly CaddyFile[],
): Promise<RunningCaddy> {
  const dir = await mkdtemp(join(tmpdir(), 'sameorigin-caddy-'))
  await chmod(dir, 0o755)
  const port = await findClosedLoopbackPort()
  const file = join(dir, 'Caddyfile')
  const rendered = render(port)
  const [caddyfile, ...others] = typeof rendered === 'string' ? [{ path: '', content: rendered }] : rendered
  await writeFile(file, withTestOptions(caddyfile?.content ?? '', dir))
  for (const other of others) await writeFile(join(dir, other.path), other.content)
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir }
  const child = spawn(CADDY, ['run', '--config', file, '--adapter', 'caddyfile'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const keep = (chunk: Buffer): void => {
    printed += chunk.toString('utf8')
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const output = (): string => printed
  const close = async (): Promise<void> => {
    await stopChild(child)
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await waitForPort(port, child)
  } catch (error) {
    await close()
    throw new Error(`caddy did not start: ${(error as Error).message}\n${output()}`, { cause: error })
  }
  return { url: `http://127.0.0.1:${port}`, port, dir, printed: output, close }
}
