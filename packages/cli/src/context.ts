import type { Readable, Writable } from 'node:stream'
import type { Colors } from 'picocolors/types'
import { createColors } from 'picocolors'

/**
 * What a command runs with: where it is, what it reads and writes. Commands never touch `process`
 * directly, so a test (or another program) can run one with its own streams and folder.
 */
export interface CommandContext {
  /** The folder the command works in (project detection, config search). */
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdin: Readable & { readonly isTTY?: boolean }
  readonly stdout: Writable & { readonly isTTY?: boolean }
  readonly stderr: Writable & { readonly isTTY?: boolean }
  /** Colours for stdout; all identity functions when colour is off (see {@link shouldUseColor}). */
  readonly colors: Colors
  /** Aborted when the user interrupts (Ctrl-C) or the process is asked to stop: long commands end cleanly. */
  readonly signal: AbortSignal
}

/**
 * Colour rules every command follows: `NO_COLOR` (any non-empty value, https://no-color.org) turns it
 * off, `FORCE_COLOR` (other than `0`) turns it on, otherwise only a terminal gets colour.
 */
export function shouldUseColor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/** A context over the real process, unless a part is given. */
export function createContext(overrides: Partial<CommandContext> = {}): CommandContext {
  const env = overrides.env ?? process.env
  const stdout = overrides.stdout ?? process.stdout
  return {
    cwd: overrides.cwd ?? process.cwd(),
    env,
    stdin: overrides.stdin ?? process.stdin,
    stdout,
    stderr: overrides.stderr ?? process.stderr,
    colors: overrides.colors ?? createColors(shouldUseColor(stdout, env)),
    signal: overrides.signal ?? new AbortController().signal,
  }
}
