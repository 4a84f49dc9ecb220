import { createLogger, createServer, type Logger } from 'vite'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * The example's own Vite dev server, as `vite` would start it: `root` is the example's folder, so its
 * vite.config.ts (with sameorigin()), sameorigin.config.ts and .env files are the ones a user runs.
 * Any free port; everything Vite logs (the plugin's proxy log included) goes to `log`.
 */
export async function startVite({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const server = await createServer({
    root,
    customLogger: toLogger(log),
    clearScreen: false,
    server: { port: 0, strictPort: false },
  })
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    throw error
  }
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) {
    await server.close()
    throw new Error('Vite is listening but reports no local URL')
  }
  return { url: url.replace(/\/$/, ''), close: () => server.close() }
}

/** Vite's logger, writing every line to `log` instead of the terminal. */
function toLogger(log: (line: string) => void): Logger {
  const logger = createLogger('info', { allowClearScreen: false })
  const write = (level: string) => (message: string) => log(`[vite ${level}] ${message}`)
  const warned = new Set<string>()
  return {
    ...logger,
    info: write('info'),
    warn: write('warn'),
    warnOnce: (message) => {
      if (warned.has(message)) return
      warned.add(message)
      write('warn')(message)
    },
    error: write('error'),
  }
}
