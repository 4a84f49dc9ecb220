import { createError } from '@sameorigin/core'
import { POLICY_RENDERERS } from './renderers.ts'
import type { PolicyFormat } from './types.ts'

/** The flags of `sameorigin cors-policy`, checked. */
export interface CorsPolicyFlags {
  readonly har: readonly string[]
  readonly origins: readonly string[]
  readonly mode: string
  readonly format: PolicyFormat | undefined
  readonly src: readonly string[]
  readonly headers: readonly string[]
  readonly credentials: boolean
  readonly maxAge: number | undefined
  readonly out: string | undefined
  /** The command line that regenerates the output (without `--out` and `--json`). */
  readonly command: string
}

const EXAMPLE = 'sameorigin cors-policy --har app.har --origin https://app.example.com --for express'
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

const strings = (value: unknown): string[] =>
  value === undefined || value === null || value === true
    ? []
    : (Array.isArray(value) ? value : [value]).map(String)

const invalid = (message: string, hint = EXAMPLE): Error =>
  createError('ERR_CLI_ARGUMENT_INVALID', { message, hint })

function parseFormat(options: Readonly<Record<string, unknown>>): PolicyFormat | undefined {
  const value = strings(options.for).at(-1) ?? strings(options.format).at(-1)
  if (value === undefined) return undefined
  if (!(value in POLICY_RENDERERS))
    throw invalid(`--for ${value} is not a format: use ${Object.keys(POLICY_RENDERERS).join(', ')}.`)
  return value as PolicyFormat
}

function parseMaxAge(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (!Number.isInteger(seconds) || seconds < 0)
    throw invalid(`--max-age must be a whole number of seconds (got "${String(value)}").`, '--max-age 7200')
  return seconds
}

/**
 * The flags of `sameorigin cors-policy` checked: at least one `--har`, a known `--for`, header names
 * that are tokens, a whole `--max-age`; and the command line that regenerates the output.
 * @throws ProxyError `ERR_CLI_ARGUMENT_INVALID` naming the flag.
 */
export function parseCorsPolicyFlags(options: Readonly<Record<string, unknown>>): CorsPolicyFlags {
  const har = strings(options.har)
  if (har.length === 0)
    throw invalid("cors-policy learns the app's calls from a recording: pass --har <file> (repeatable).")
  const headers = strings(options.header)
  const bad = headers.find((name) => !TOKEN.test(name))
  if (bad !== undefined) throw invalid(`--header "${bad}" is not a header name.`, '--header x-request-id')
  const origins = strings(options.origin)
  const format = parseFormat(options)
  const src = strings(options.src)
  const mode = typeof options.mode === 'string' ? options.mode : 'production'
  const maxAge = parseMaxAge(options.maxAge)
  const parts = ['sameorigin cors-policy', ...har.flatMap((file) => ['--har', file])]
  for (const origin of origins) parts.push('--origin', origin)
  if (mode !== 'production') parts.push('--mode', mode)
  for (const dir of src) parts.push('--src', dir)
  for (const name of headers) parts.push('--header', name)
  if (options.credentials === true) parts.push('--credentials')
  if (maxAge !== undefined) parts.push('--max-age', String(maxAge))
  if (typeof options.config === 'string') parts.push('--config', options.config)
  if (format !== undefined) parts.push('--for', format)
  const out = strings(options.out).at(-1)
  return {
    har,
    origins,
    mode,
    format,
    src,
    headers,
    credentials: options.credentials === true,
    maxAge,
    out,
    command: parts.join(' '),
  }
}
