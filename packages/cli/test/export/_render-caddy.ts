import type { UserConfig } from '@sameorigin/core'
import { resolveConfig } from '@sameorigin/core'
import { caddyTarget } from '../../src/export/caddy/caddy-target.ts'
import type { ExportOutput } from '../../src/export/types.ts'

/** What {@link renderCaddy} takes besides the config. */
export interface RenderCaddyOptions {
  readonly origin?: string
  readonly listen?: number
  readonly staticDir?: string
}

/** The Caddy target's output for `config`, as `sameorigin export caddy` would render it. */
export function renderCaddy(config: UserConfig, options: RenderCaddyOptions = {}): ExportOutput {
  const origin = new URL(options.origin ?? 'https://app.example.com')
  const parts = ['sameorigin export caddy --origin', origin.origin]
  if (options.staticDir !== undefined) parts.push('--static', options.staticDir)
  if (options.listen !== undefined) parts.push('--listen', String(options.listen))
  return caddyTarget.render({
    config: resolveConfig(config),
    origin,
    staticDir: options.staticDir,
    listen: options.listen,
    mode: 'production',
    command: parts.join(' '),
  })
}
