import { findHeader } from './group-headers.ts'
import type { CapturedBody, HeaderList } from './types.ts'

/** How much of each body the log keeps by default: 64 KiB. */
export const DEFAULT_BODY_LIMIT: number = 64 * 1024

/** Collects the first bytes of a body as it passes (`push`), and describes it once it ended. */
export interface BodyCapture {
  /**
   * Counts `chunk` and keeps what fits under the limit and under `allowance` (bytes the caller lets
   * it keep; no limit by default). Returns the bytes kept. Once a byte was not kept, none after it is:
   * what is kept is always the body's first bytes.
   */
  push(chunk: Uint8Array, allowance?: number): number
  /** Bytes `push` would keep of a chunk of `length` bytes, with no allowance. */
  wants(length: number): number
  /** Bytes seen so far. */
  readonly size: number
  /** Bytes held now (0 once dropped or finished). */
  readonly held: number
  /** Lets go of the bytes kept and keeps no more: the body is then described by its size only. */
  drop(): void
  /**
   * The body as the record holds it, typed by `headers` (`Content-Type`, `Content-Encoding`). Lets
   * go of the bytes kept: the record's text is all that is left of them.
   */
  finish(headers: HeaderList | undefined): CapturedBody
}

/** Media types read as text besides `text/*`: JSON, XML, JavaScript, forms, GraphQL and their suffixes. */
const TEXT_TYPE =
  /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|xml)\b|application\/(?:javascript|ecmascript|x-www-form-urlencoded|graphql|x-ndjson)\b|image\/svg\+xml\b)/i

/**
 * Whether a body with these headers can be kept as text: a textual `Content-Type` and no
 * `Content-Encoding` (a gzip body is bytes; the proxy never decodes). Bodies that cannot are kept by
 * their size only, so there is no point holding their bytes.
 */
export function isTextBody(headers: HeaderList | undefined): boolean {
  const mimeType = findHeader(headers, 'content-type')
  const encoding = findHeader(headers, 'content-encoding')?.trim().toLowerCase()
  return mimeType !== undefined && TEXT_TYPE.test(mimeType.trim()) && (encoding ?? 'identity') === 'identity'
}

/**
 * A capture keeping at most `limit` bytes. A body is text when its headers say so (`isTextBody`) and
 * its first bytes are valid UTF-8 (a character cut by the limit is left out); otherwise only its
 * size is kept. A dropped capture (`drop`) is described by its size only, whatever its type.
 */
export function createBodyCapture(limit: number = DEFAULT_BODY_LIMIT): BodyCapture {
  let chunks: Uint8Array[] = []
  let kept = 0
  let held = 0
  let size = 0
  let dropped = false
  // Bytes were seen and not kept (limit, allowance, drop): nothing after them is kept either.
  const stopped = () => dropped || kept < size
  return {
    push(chunk, allowance = Number.POSITIVE_INFINITY) {
      const keep = stopped() ? 0 : Math.max(0, Math.min(chunk.byteLength, limit - kept, allowance))
      size += chunk.byteLength
      if (keep === 0) return 0
      chunks.push(chunk.slice(0, keep))
      kept += keep
      held += keep
      return keep
    },
    wants(length) {
      return stopped() ? 0 : Math.max(0, Math.min(length, limit - kept))
    },
    get size() {
      return size
    },
    get held() {
      return held
    },
    drop() {
      dropped = true
      chunks = []
      held = 0
    },
    finish(headers) {
      const mimeType = findHeader(headers, 'content-type')
      const textual = isTextBody(headers)
      const text = textual && !dropped && kept > 0 ? decode(chunks, kept) : undefined
      chunks = []
      held = 0
      // A body shown by its size only was not kept at all: truncated means past the limit, as ever.
      return { size, text, truncated: textual ? dropped || size > kept : size > limit, mimeType }
    },
  }
}

/**
 * Memory a captured body's text takes, from the `bytes` it was decoded from: V8 keeps a string of
 * ASCII (as many characters as bytes) at one byte a character; any other is counted at two.
 */
export function textMemory(body: CapturedBody | undefined, bytes: number): number {
  const text = body?.text
  if (text === undefined) return 0
  return text.length === bytes ? bytes : 2 * text.length
}

/** `body` described by its size only: its text let go (`truncated`: not all of it is shown). */
export function withoutText(body: CapturedBody | undefined): CapturedBody | undefined {
  return body?.text === undefined ? body : { ...body, text: undefined, truncated: true }
}

/** `chunks` as UTF-8, or `undefined` when they are not valid UTF-8 (an incomplete last character is dropped). */
function decode(chunks: readonly Uint8Array[], length: number): string | undefined {
  const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : new Uint8Array(length)
  if (chunks.length > 1) {
    let offset = 0
    for (const chunk of chunks) {
      bytes.set(chunk, offset)
      offset += chunk.byteLength
    }
  }
  try {
    // `stream: true` holds back a trailing partial sequence instead of failing on it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true })
  } catch {
    return undefined
  }
}
