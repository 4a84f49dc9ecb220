import type { CorsOptions } from '@sameorigin/core'
import { createError } from '@sameorigin/core'
import { DEFAULT_SERVE_PORT } from './serve-address.ts'

/** The flags of `sameorigin serve`, checked. */
export interface ServeFlags {
  readonly port: number
  readonly host: string
  /** `--target`: a catch-all `/` route to this backend. */
  readonly target: string | undefined
  /** `--allow-origin`, each an origin or `*`. */
  readonly origins: readonly string[]
  readonly credentials: boolean
  /** CORS mode, when `--allow-origin` was given. */
  readonly cors: CorsOptions | undefined
  readonly allowedHosts: readonly string[]
}

function toList(value: unknown): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

function toPort(value: unknown): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--port must be a whole number from 0 to 65535 (got "${String(value)}").`,
      hint: 'sameorigin serve --port 5180 (0 picks a free port)',
    })
  return port
}

function toTarget(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const text = String(value)
  if (!/^https?:\/\//i.test(text))
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--target must be an http(s) URL (got "${text}").`,
      hint: 'sameorigin serve --target http://127.0.0.1:8080',
    })
  return text
}

/**
 * The `--allow-origin` values, each `*` or a page origin (`http://localhost:3000`), refused in the
 * flag's own words: `localhost:3000` gets "did you mean http://localhost:3000?".
 */
function toOrigins(value: unknown): string[] {
  return toList(value).map((text) => {
    if (text === '*') return text
    let url: URL | undefined
    try {
      url = new URL(text)
    } catch {}
    if (url !== undefined && /^https?:$/.test(url.protocol) && url.origin === text.replace(/\/$/, ''))
      return url.origin
    const guess =
      url !== undefined && /^https?:$/.test(url.protocol)
        ? url.origin
        : url !== undefined && url.host !== ''
          ? `http://${url.host}`
          : `http://${text.replace(/^\/*/, '').split('/')[0]}`
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `--allow-origin takes the origin of the page that calls the proxy: scheme, host and port, nothing else (got "${text}"). Did you mean ${guess}?`,
      hint: `sameorigin serve --target http://127.0.0.1:8080 --allow-origin ${guess}`,
    })
  })
}

/**
 * Checks the parsed flags of `sameorigin serve`, each refused in its own words (`ERR_CLI_ARGUMENT_INVALID`
 * with an example that works): a port out of range, a target that is no http(s) URL, a page that is
 * no origin, `'*'` with `--credentials`, `--credentials` outside CORS mode.
 * @example parseServeFlags({ port: '0', target: 'http://127.0.0.1:8080' })
 */
export function parseServeFlags(options: Readonly<Record<string, unknown>>): ServeFlags {
  const port = toPort(options.port ?? DEFAULT_SERVE_PORT)
  const target = toTarget(options.target)
  const origins = toOrigins(options.allowOrigin)
  const credentials = options.credentials === true
  if (credentials && origins.includes('*'))
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message:
        "--allow-origin '*' cannot go with --credentials: browsers refuse credentialed answers that allow any origin.",
      hint: 'Name the page instead: sameorigin serve --target http://127.0.0.1:8080 --allow-origin http://localhost:3000 --credentials',
    })
  if (credentials && origins.length === 0)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: '--credentials only applies in CORS mode: give the calling page with --allow-origin.',
      hint: 'sameorigin serve --target http://127.0.0.1:8080 --allow-origin http://localhost:6006 --credentials',
    })
  return {
    port,
    host: String(options.host ?? '127.0.0.1'),
    target,
    origins,
    credentials,
    cors: origins.length === 0 ? undefined : { origins: origins.includes('*') ? '*' : origins, credentials },
    allowedHosts: toList(options.allowedHost),
  }
}
