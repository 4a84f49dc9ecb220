import { createLogger, createRsbuild, loadConfig } from '@rsbuild/core'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * The example's own Rsbuild dev server, as `rsbuild dev` starts it: its rsbuild.config.ts (with
 * `pluginSameOrigin()`) loaded from the example's folder, which is also Rsbuild's root, so its
 * sameorigin.config.ts and .env files apply. Any free port; everything Rsbuild logs (the plugin's
 * route table and proxy log included) goes to `log`.
 */
export async function startRsbuild({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const { content } = await loadConfig({ cwd: root, command: 'dev' })
  const write =
    (level: string) =>
    (...args: unknown[]): void =>
      log(`[rsbuild ${level}] ${args.map(String).join(' ')}`)
  const rsbuild = await createRsbuild({
    cwd: root,
    config: {
      ...content,
      // `rsbuild dev` takes its mode from NODE_ENV, which vitest sets to `test` (Rsbuild's `none`:
      // no process.env.NODE_ENV for React); a user's terminal has none, so `rsbuild dev` means development.
      mode: content.mode ?? 'development',
      customLogger: createLogger({
        console: { log: write('log'), warn: write('warn'), error: write('error') },
      }),
      server: { ...content.server, port: 0, strictPort: true },
    },
  })
  const { server, port } = await rsbuild.startDevServer({ getPortSilently: true })
  return { url: `http://localhost:${port}`, close: () => server.close() }
}
