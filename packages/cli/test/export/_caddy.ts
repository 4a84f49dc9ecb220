import type { UserConfig } from '@sameorigin/core'
import type { RunningCaddy } from '@sameorigin/test-utils'
import { startCaddy } from '@sameorigin/test-utils'
import type { ExportOutput } from '../../src/export/types.ts'
import { renderCaddy } from './_render-caddy.ts'

/** A real Caddy running the exported Caddyfile, and what the export gave. */
export interface ExportedCaddy extends RunningCaddy {
  readonly output: ExportOutput
}

/**
 * Renders `config` with `--origin http://127.0.0.1:<port> --listen <port>` (the port Caddy gets) and
 * runs Caddy on it; the export's other files (CA bundles) are written beside the Caddyfile.
 */
export async function startExportedCaddy(
  config: UserConfig,
  options: { readonly staticDir?: string } = {},
): Promise<ExportedCaddy> {
  let output: ExportOutput | undefined
  const caddy = await startCaddy((port) => {
    output = renderCaddy(config, { origin: `http://127.0.0.1:${port}`, listen: port, ...options })
    return output.files
  })
  return { ...caddy, output: output as ExportOutput }
}
