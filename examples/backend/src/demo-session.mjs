// The parts of every example's `demo` script that are not about its dev server: how it prints,
// whether it keeps serving, and what happens after the servers are up (the walkthrough, then keep
// serving in a terminal or exit with the result). Each demo script only starts its own servers.
import process from 'node:process'
import { runWalkthrough } from './run-walkthrough.mjs'

/**
 * Output helpers and the serving mode of a demo run: with `--serve`, or in a terminal (TTY, no CI, no
 * `--once`), the demo keeps serving on fixed ports; otherwise it runs once on free ports and exits.
 * @returns {import('./walkthrough.d.mts').DemoSession}
 */
export function createDemoSession() {
  const color = process.stdout.isTTY && !process.env.NO_COLOR
  return {
    keepServing:
      process.argv.includes('--serve') ||
      Boolean(process.stdout.isTTY && !process.env.CI && !process.argv.includes('--once')),
    say: (line = '') => void process.stdout.write(`${line}\n`),
    bold: (text) => (color ? `\x1b[1m${text}\x1b[22m` : text),
  }
}

/**
 * Runs the walkthrough against the dev origin once the servers are up, then keeps serving until
 * Ctrl-C (in a terminal) or closes everything and exits: 0 when every step passed, 1 otherwise.
 * A walkthrough that crashes counts as a failed step, never as a hang. `websocket: false` skips the
 * websocket step (a Fetch host), and the last line says so.
 * @param {import('./walkthrough.d.mts').FinishDemoOptions} options
 * @returns {Promise<void>}
 */
export async function finishDemo({ session, devUrl, backendUrl, close, hint, websocket = true }) {
  const { say, bold, keepServing } = session
  let failures
  try {
    failures = await runWalkthrough({ devUrl, backendUrl, say, bold, websocket })
  } catch (error) {
    say(`demo: the walkthrough crashed: ${error instanceof Error ? error.stack : String(error)}`)
    failures = 1
  }
  const code = failures === 0 ? 0 : 1
  say()
  if (keepServing) {
    say(bold(hint ?? `Open ${devUrl} in a browser. Ctrl-C stops the demo.`))
    stopOnSignals(close, code)
    return
  }
  const skipped = websocket ? '' : ' (the websocket step was skipped)'
  say(failures === 0 ? `demo: every step passed${skipped}` : `demo: ${failures} step(s) failed${skipped}`)
  await close()
  process.exit(code)
}

/**
 * On Ctrl-C (SIGINT) or SIGTERM, once: stops every server with `close`, then exits with `code`
 * (1 when stopping failed, with the reason on stderr).
 * @param {() => Promise<void>} close
 * @param {number} [code]
 * @returns {void}
 */
export function stopOnSignals(close, code = 0) {
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    close().then(
      () => process.exit(code),
      (error) => {
        process.stderr.write(`could not stop cleanly: ${error}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
