import { maskExchange } from './mask-exchange.ts'
import { quoteShell } from './quote-shell.ts'
import type { ExchangeRecord } from './types.ts'

/** Options of {@link toCurl}. */
export interface ToCurlOptions {
  /**
   * Put the secret values in the command (the session's switch).
   * @default false: masked as `maskExchange` masks them (`Authorization: Bearer ***`)
   */
  readonly showSecrets?: boolean
}

/** Headers curl adds when none is given: emptied (`-H 'accept:'`) unless the upstream got one. */
const CURL_DEFAULTS = ['accept', 'user-agent'] as const
/** Added by curl to a large upload: emptied the same way when a body is sent. */
const CURL_UPLOAD_DEFAULTS = ['expect'] as const

/**
 * "Copy as curl": the request as the proxy sent it upstream, as one shell command (bash, zsh): the
 * method, the upstream URL, exactly the upstream's headers in order, and the body when it was
 * captured whole as text. `Accept`, `User-Agent` (and `Expect` with a body), which curl would add, are emptied when the
 * upstream got none. A body that was not (binary, past the capture limit, or holding a NUL) is left out with its
 * `Content-Length`, and a comment line above the command says so. Every word is shell-quoted
 * (`quoteShell`), and curl's URL globbing is off. `undefined` when nothing went upstream.
 * @example toCurl(record) // → "curl --globoff --path-as-is -X 'POST' 'https://staging.example.com/v1/login' \\\n  -H 'host: staging.example.com' ..."
 */
export function toCurl(record: ExchangeRecord, options: ToCurlOptions = {}): string | undefined {
  const shown = options.showSecrets === true ? record : maskExchange(record)
  const url = shown.upstreamUrl
  const headers = shown.request.upstream
  if (url === undefined || headers === undefined) return undefined
  const body = shown.request.body
  const sendBody =
    body !== undefined && body.text !== undefined && !body.truncated && !body.text.includes('\0')
  const words = ['curl', '--globoff', '--path-as-is']
  if (record.method === 'HEAD') words.push('--head')
  else if (record.method !== 'GET' || sendBody) words.push('-X', quoteShell(record.method))
  words.push(quoteShell(url))
  const lines: string[] = []
  for (const { name, value } of headers) {
    if (name === 'content-length' && !sendBody) continue
    // `name:` alone would remove the header: curl sends an empty one written `name;`.
    lines.push(`-H ${quoteShell(value === '' ? `${name};` : `${name}: ${value}`)}`)
  }
  for (const name of sendBody ? [...CURL_DEFAULTS, ...CURL_UPLOAD_DEFAULTS] : CURL_DEFAULTS) {
    if (!headers.some((entry) => entry.name === name)) lines.push(`-H ${quoteShell(`${name}:`)}`)
  }
  if (sendBody) lines.push(`--data-binary ${quoteShell(body.text ?? '')}`)
  const command = [words.join(' '), ...lines].join(' \\\n  ')
  return body !== undefined && !sendBody
    ? `# the request body (${body.size} bytes) was not captured whole as text: it is left out\n${command}`
    : command
}
