import type { UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import type { StartedNginx } from '@sameorigin/test-utils'
import { startNginx } from '@sameorigin/test-utils'
import { nginxTarget } from '../../src/export/nginx/nginx-target.ts'
import type { ExportOutput } from '../../src/export/types.ts'

/** A running nginx on the exported config, and what the export gave. */
export interface ServedExport extends StartedNginx {
  readonly exported: ExportOutput
}

/**
 * Renders `config` as `sameorigin export nginx --origin http://127.0.0.1:<port> --listen <port>`
 * (with `--static` when given) and runs the real nginx on it.
 */
export async function serveExport(config: UserConfig, staticDir?: string): Promise<ServedExport> {
  let output: ExportOutput | undefined
  const nginx = await startNginx({
    config: (port) => {
      output = nginxTarget.render({
        config: resolveConfig(config, { env: {} }),
        origin: new URL(`http://127.0.0.1:${port}`),
        staticDir,
        listen: port,
        mode: 'production',
        command: `sameorigin export nginx --origin http://127.0.0.1:${port} --listen ${port}`,
      })
      const [main, ...rest] = output.files
      return {
        config: main?.content ?? '',
        files: Object.fromEntries(rest.map((file) => [file.path, file.content])),
      }
    },
  })
  return { ...nginx, exported: output as ExportOutput }
}
