import { createError } from '@sameorigin/core'
import type { ExportInput } from './types.ts'

const EXAMPLE = 'sameorigin export nginx --origin https://app.example.com --static dist'

/** `--origin`: required, an `http:` or `https:` origin with nothing after it. */
function parseOrigin(value: unknown): URL {
  if (typeof value !== 'string' || value === '')
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: '--origin is required: the public origin the app is served on in production.',
      hint: EXAMPLE,
    })
  let origin: URL
  try {
    origin = new URL(value)
  } catch {
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--origin "${value}" is not a URL.`,
      hint: EXAMPLE,
    })
  }
  const extra = origin.pathname !== '/' || origin.search !== '' || origin.hash !== ''
  if ((origin.protocol !== 'http:' && origin.protocol !== 'https:') || extra || origin.username !== '')
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--origin "${value}" must be an http: or https: origin, with no path, query or user.`,
      hint: `--origin ${origin.protocol === 'http:' ? 'http' : 'https'}://${origin.host || 'app.example.com'}`,
    })
  return origin
}

/** `--listen`: a TCP port. */
function parseListen(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--listen must be a port from 1 to 65535 (got "${String(value)}").`,
      hint: '--listen 8080',
    })
  return port
}

/**
 * The flags of `sameorigin export <target>` checked and turned into the renderer's input (without the
 * config), including the command line that regenerates the output (without `--check` and `--out`).
 */
export function parseExportFlags(
  target: string,
  options: Readonly<Record<string, unknown>>,
): Omit<ExportInput, 'config'> {
  const origin = parseOrigin(options.origin)
  const listen = parseListen(options.listen)
  const staticDir = typeof options.static === 'string' && options.static !== '' ? options.static : undefined
  const mode = typeof options.mode === 'string' ? options.mode : 'production'
  const parts = ['sameorigin export', target, '--origin', origin.origin]
  if (staticDir !== undefined) parts.push('--static', staticDir)
  if (listen !== undefined) parts.push('--listen', String(listen))
  if (mode !== 'production') parts.push('--mode', mode)
  if (typeof options.config === 'string') parts.push('--config', options.config)
  return { origin, staticDir, listen, mode, command: parts.join(' ') }
}
