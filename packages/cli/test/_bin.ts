import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The real executable, as npm links it. */
export const BIN: string = fileURLToPath(new URL('../bin/sameorigin.mjs', import.meta.url))

/** What a finished run of the bin printed and returned. */
export interface BinResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Options for {@link runBin} and {@link startBin}. */
export interface BinOptions {
  readonly cwd?: string
  /** Added to a clean environment (no colour unless asked, no inherited DEBUG). */
  readonly env?: Record<string, string>
}

function toEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { DEBUG: _debug, FORCE_COLOR: _force, ...env } = process.env
  return { ...env, NO_COLOR: '1', ...extra }
}

/** Runs `sameorigin <args>` to completion. */
export function runBin(args: readonly string[], options: BinOptions = {}): Promise<BinResult> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: toEnv(options.env) })
  return collect(child)
}

function collect(child: ChildProcess): Promise<BinResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A long-running `sameorigin <args>` (serve), with its output so far and a way to stop it. */
export interface RunningBin {
  readonly child: ChildProcess
  /**
   * Resolves with the first match of `pattern` in stdout (or stderr), waiting for it, or rejects if the
   * process ends first.
   */
  readonly waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<RegExpMatchArray>
  /** Sends SIGINT (Ctrl-C) and resolves with how the process ended. */
  readonly stop: () => Promise<BinResult>
}

/** Starts `sameorigin <args>` and leaves it running. */
export function startBin(args: readonly string[], options: BinOptions = {}): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: toEnv(options.env) })
  const result = collect(child)
  const seen = { stdout: '', stderr: '' }
  child.stdout?.on('data', (chunk: Buffer) => (seen.stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (seen.stderr += chunk.toString()))
  return {
    child,
    waitFor: (pattern, stream = 'stdout') =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = seen[stream].match(pattern)
          if (match === null) return
          child[stream]?.off('data', check)
          resolve(match)
        }
        child[stream]?.on('data', check)
        void result.then((ended) =>
          reject(
            new Error(
              `sameorigin exited (${String(ended.code)}) before printing ${pattern}:\n${ended.stdout}${ended.stderr}`,
            ),
          ),
        )
        check()
      }),
    stop: () => {
      if (child.exitCode === null) child.kill('SIGINT')
      return result
    },
  }
}
