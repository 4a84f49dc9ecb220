// The process a subject runs in, so that the CPU and memory measured are the subject's alone.
// Protocol over IPC: the parent sends { upstream, workdir, ... }; this answers { url } (or { error })
// once the subject listens; 'memory' answers { memory: process.memoryUsage() }, after a full garbage
// collection when started with --expose-gc; 'close' closes the subject and exits, as does the parent
// going away.

const name = process.argv[2]
const subject = await import(`./src/${name}.mjs`)
let running

process.on('message', async (message) => {
  if (message === 'close') return shutDown(0)
  if (message === 'memory') {
    // Twice: the first collection's finalizers can free more in the second.
    globalThis.gc?.()
    globalThis.gc?.()
    return process.send?.({ memory: process.memoryUsage() })
  }
  try {
    running = await subject.start(message)
    process.send?.({ url: running.url })
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
process.on('disconnect', () => shutDown(1))

/** @param {number} code */
async function shutDown(code) {
  try {
    await running?.close()
  } finally {
    process.exit(code)
  }
}
