/**
 * A strict HTTP/1.1 request parser for the raw TCP tap: the test's own reading of the bytes a proxy
 * put on the wire, independent of Node's parser (which would hide a framing mistake by being lenient
 * in the same way as the code under test). It accepts only what RFC 9112 allows a proxy to send:
 * one `Content-Length` of digits, or `Transfer-Encoding: chunked` alone, never both; no obs-fold.
 */

/** One request as the tap read it off the wire. */
export interface TapRequest {
  readonly method: string
  readonly target: string
  /** Lower-case names; every value of a repeated field, in order. */
  readonly headers: Readonly<Record<string, readonly string[]>>
  /** How the body was delimited on the wire. */
  readonly framing: 'none' | 'length' | 'chunked'
  readonly body: Buffer
}

/** What {@link parseHttpRequests} found in a buffer. */
export interface ParsedRequests {
  readonly requests: TapRequest[]
  /** Bytes after the last complete request (an incomplete one, or nothing). */
  readonly rest: Buffer
  /** Why parsing stopped, when the bytes are not HTTP/1.1 a strict parser accepts. */
  readonly error?: string
}

const CRLF = '\r\n'
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Parses as many complete requests from the start of `bytes` as it holds. */
export function parseHttpRequests(bytes: Buffer): ParsedRequests {
  const requests: TapRequest[] = []
  let offset = 0
  for (;;) {
    if (offset === bytes.length) return { requests, rest: Buffer.alloc(0) }
    const result = parseOne(bytes, offset)
    if (typeof result === 'string') return { requests, rest: bytes.subarray(offset), error: result }
    if (result === undefined) return { requests, rest: bytes.subarray(offset) }
    requests.push(result.request)
    offset = result.end
  }
}

type One = { request: TapRequest; end: number } | string | undefined

function parseOne(bytes: Buffer, start: number): One {
  const headEnd = bytes.indexOf('\r\n\r\n', start, 'latin1')
  if (headEnd === -1) return bytes.length - start > 65_536 ? 'head larger than 64 KiB' : undefined
  const lines = bytes.toString('latin1', start, headEnd).split(CRLF)
  const requestLine = /^([A-Z]+) (\S+) HTTP\/1\.1$/.exec(lines[0] ?? '')
  if (requestLine === null) return `bad request line ${JSON.stringify(lines[0])}`
  const headers: Record<string, string[]> = Object.create(null)
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon)
    if (colon <= 0 || !TOKEN.test(name)) return `bad header line ${JSON.stringify(line)}`
    ;(headers[name.toLowerCase()] ??= []).push(line.slice(colon + 1).trim())
  }
  const bodyStart = headEnd + 4
  const head = { method: requestLine[1] ?? '', target: requestLine[2] ?? '', headers }
  const encoding = headers['transfer-encoding']
  const length = headers['content-length']
  if (encoding !== undefined) {
    if (length !== undefined) return 'Content-Length beside Transfer-Encoding'
    if (encoding.length !== 1 || encoding[0]?.toLowerCase() !== 'chunked')
      return `Transfer-Encoding ${JSON.stringify(encoding)} is not exactly chunked`
    const chunked = readChunked(bytes, bodyStart)
    if (typeof chunked === 'string' || chunked === undefined) return chunked
    return { request: { ...head, framing: 'chunked', body: chunked.body }, end: chunked.end }
  }
  if (length !== undefined) {
    if (length.length !== 1 || !/^\d+$/.test(length[0] ?? ''))
      return `bad Content-Length ${JSON.stringify(length)}`
    const end = bodyStart + Number(length[0])
    if (bytes.length < end) return undefined
    return { request: { ...head, framing: 'length', body: bytes.subarray(bodyStart, end) }, end }
  }
  return { request: { ...head, framing: 'none', body: Buffer.alloc(0) }, end: bodyStart }
}

function readChunked(bytes: Buffer, start: number): { body: Buffer; end: number } | string | undefined {
  const parts: Buffer[] = []
  let offset = start
  for (;;) {
    const lineEnd = bytes.indexOf(CRLF, offset, 'latin1')
    if (lineEnd === -1) return undefined
    const sizeLine = bytes.toString('latin1', offset, lineEnd)
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeLine)) return `bad chunk size line ${JSON.stringify(sizeLine)}`
    const size = Number.parseInt(sizeLine, 16)
    const dataStart = lineEnd + 2
    if (size === 0) {
      // No trailer fields: the proxy forwards none.
      if (bytes.length < dataStart + 2) return undefined
      if (bytes.toString('latin1', dataStart, dataStart + 2) !== CRLF)
        return 'trailer fields after the last chunk'
      return { body: Buffer.concat(parts), end: dataStart + 2 }
    }
    if (bytes.length < dataStart + size + 2) return undefined
    if (bytes.toString('latin1', dataStart + size, dataStart + size + 2) !== CRLF)
      return 'chunk data not followed by CRLF'
    parts.push(bytes.subarray(dataStart, dataStart + size))
    offset = dataStart + size + 2
  }
}
