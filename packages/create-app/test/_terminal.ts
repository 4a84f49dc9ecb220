import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import process from 'node:process'
import { stripVTControlCharacters } from 'node:util'
import { onTestFinished } from 'vitest'
import { BIN } from './_cli.ts'

/**
 * Whether util-linux `script` is here to give the bin a pseudo-terminal. It is in Debian's essential
 * `bsdutils` package, so it is on every machine this project runs on.
 */
export const HAS_SCRIPT: boolean = spawnSync('script', ['--version']).status === 0

/** Keys as a terminal sends them. */
export const KEYS = { enter: '\r', down: '\u001B[B', ctrlC: '\u0003' } as const

/** The bin running in a pseudo-terminal: what it printed so far, and a way to answer it. */
export interface TerminalSession {
  /** Resolves once the printed text (escape codes removed), after what earlier waits consumed, contains `text`. */
  waitFor: (text: string) => Promise<void>
  /** Types `keys`. */
  type: (keys: string) => void
  /** Resolves with the exit code. */
  exited: Promise<number>
  /** Everything printed, escape codes removed. */
  output: () => string
}

/**
 * Runs the bin with a real terminal (util-linux `script` allocates a pseudo-terminal, 100 columns),
 * so stdin and stdout are TTYs and the prompts run as a user sees them. The process is killed when
 * the test ends.
 */
export function runInTerminal(args: readonly string[], cwd: string): TerminalSession {
  const command = [
    'stty cols 100 rows 40;',
    'exec',
    quote(process.execPath),
    quote(BIN),
    ...args.map(quote),
  ].join(' ')
  const child: ChildProcessWithoutNullStreams = spawn(
    'script',
    ['--quiet', '--return', '--command', command, '/dev/null'],
    {
      cwd,
      env: {
        ...process.env,
        TERM: 'xterm-256color',
        NO_COLOR: '1',
        npm_config_user_agent: 'npm/11.19.1 node/v20.20.2',
      },
    },
  )
  let raw = ''
  let consumed = 0
  const listeners = new Set<() => void>()
  child.stdout.on('data', (chunk: Buffer) => {
    raw += chunk.toString('utf8')
    for (const listener of listeners) listener()
  })
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  const output = () => stripVTControlCharacters(raw)

  return {
    output,
    exited,
    type: (keys) => child.stdin.write(keys),
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          const at = output().indexOf(text, consumed)
          if (at === -1) return
          consumed = at + text.length
          listeners.delete(check)
          resolve()
        }
        listeners.add(check)
        check()
        void exited.then((code) => {
          if (!listeners.has(check)) return
          listeners.delete(check)
          reject(
            new Error(`exited (${code}) before printing ${JSON.stringify(text)}; it printed:\n${output()}`),
          )
        })
      }),
  }
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}
