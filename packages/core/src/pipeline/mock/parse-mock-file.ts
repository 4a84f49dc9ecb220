import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError } from '../../errors/proxy-error.ts'
import { hasControlCharacter } from '../../internal/has-control-character.ts'
import { HOP_BY_HOP_HEADERS } from '../../rewrite/hop-by-hop-headers.ts'
import type { HeaderRecord } from '../../rewrite/types.ts'
import { isToken } from '../../rules/is-token.ts'
import { isJsonType } from './content-kind.ts'
import { isSafeName } from './mock-file-names.ts'

/** A mock file as read: the head to answer with, and the body or the file holding it. */
export interface ParsedMockFile {
  readonly status: number
  readonly headers: HeaderRecord
  /** The body's bytes, or `null` when it is in `bodyFile` or there is none. */
  readonly body: Uint8Array | null
  /** A file beside this one holding the body. */
  readonly bodyFile: string | undefined
}

const encoder = new TextEncoder()
/** Fields the answer gets from its real body, never from a file. */
const FRAMING = new Set(['content-length', 'transfer-encoding'])

/**
 * Reads a mock file: `{ "status": 200, "headers": { ... }, "body": ... }` or `"bodyFile": "GET.body.bin"`.
 * `status` defaults to 200, `headers` to none. With a JSON `Content-Type` (or none, and a body that is
 * not a string) `body` is the JSON value, sent serialised; otherwise a string `body` is sent as UTF-8
 * text. A missing `Content-Type` is filled in to match. Framing fields in the file are ignored.
 * Returns `ERR_MOCK_FILE_INVALID` naming `source` and the problem.
 */
export function parseMockFile(bytes: Uint8Array, source: string): ParsedMockFile | ProxyError {
  const fail = (problem: string): ProxyError =>
    createError('ERR_MOCK_FILE_INVALID', {
      message: `The mock file ${source} ${problem}`,
      details: { file: source },
    })
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder().decode(bytes))
  } catch (error) {
    return fail(`is not valid JSON: ${(error as Error).message}.`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('must hold a JSON object.')
  const file = data as Record<string, unknown>
  const status = file.status ?? 200
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
    return fail(`has "status": ${JSON.stringify(status)}; use a status from 200 to 599.`)
  const headers = readHeaders(file.headers)
  if (typeof headers === 'string') return fail(headers)
  const { body, bodyFile } = file
  if (bodyFile !== undefined) {
    if (body !== undefined) return fail('has both "body" and "bodyFile"; keep one.')
    if (typeof bodyFile !== 'string' || !isSafeName(bodyFile))
      return fail('has a "bodyFile" that is not a file name beside it (no folders, no "..").')
    return { status, headers, body: null, bodyFile }
  }
  if (body === undefined) return { status, headers, body: null, bodyFile: undefined }
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined
  if (isJsonType(contentType) || (contentType === undefined && typeof body !== 'string')) {
    headers['content-type'] ??= 'application/json; charset=utf-8'
    return { status, headers, body: encoder.encode(JSON.stringify(body)), bodyFile: undefined }
  }
  if (typeof body !== 'string')
    return fail(
      `has a "body" that is not a string, with "content-type": "${contentType}"; write the text as a string.`,
    )
  headers['content-type'] ??= 'text/plain; charset=utf-8'
  return { status, headers, body: encoder.encode(body), bodyFile: undefined }
}

/** The file's headers as a record with lower-case names, or what is wrong with them. */
function readHeaders(value: unknown): HeaderRecord | string {
  const headers: HeaderRecord = Object.create(null) as HeaderRecord
  if (value === undefined) return headers
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'has "headers" that are not an object of names to values.'
  for (const [rawName, raw] of Object.entries(value)) {
    const name = rawName.toLowerCase()
    const values = Array.isArray(raw) ? (raw as unknown[]) : [raw]
    if (!isToken(name)) return `has a header named ${JSON.stringify(rawName)}, which is not a valid name.`
    if (values.some((v) => typeof v !== 'string' || hasControlCharacter(v, true)))
      return `has a value of "${rawName}" that is not a string on one line.`
    if (FRAMING.has(name) || HOP_BY_HOP_HEADERS.has(name)) continue
    headers[name] = Array.isArray(raw) ? (raw as string[]) : (raw as string)
  }
  return headers
}
