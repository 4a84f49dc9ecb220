// The `sameorigin` executable (bin/sameorigin.mjs imports this file). The only place that touches
// process-wide state: signals and the exit code.
import { createContext } from './context.ts'
import { runCli } from './run-cli.ts'

const controller = new AbortController()
let interrupts = 0
const stop = (): void => {
  // The first Ctrl-C lets the running command end cleanly (servers close, files stay whole); a second
  // one exits at once.
  interrupts += 1
  if (interrupts > 1) process.exit(130)
  controller.abort()
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

const code = await runCli(process.argv.slice(2), createContext({ signal: controller.signal }))
process.exit(code)
