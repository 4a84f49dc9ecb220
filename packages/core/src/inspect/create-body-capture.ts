import { findHeader } from './group-headers.ts'
import type { CapturedBody, HeaderList } from './types.ts'

/** How much of each body the log keeps by default: 64 KiB. */
export const DEFAULT_BODY_LIMIT: number = 64 * 1024

/** Collects the first bytes of a body as it passes (`push`), and describes it once it ended. */
export interface BodyCapture {
  /** Counts `chunk` and keeps what fits under the limit. */
  push(chunk: Uint8Array): void
  /** Bytes seen so far. */
  readonly size: number
  /** The body as the record holds it, typed by `headers` (`Content-Type`, `Content-Encoding`). */
  finish(headers: HeaderList | undefined): CapturedBody
}

/** Media types read as text besides `text/*`: JSON, XML, JavaScript, forms, GraphQL and their suffixes. */
const TEXT_TYPE =
  /^(?:text\/|application\/(?:[\w.+-]+\+)?(?:json|xml)\b|application\/(?:javascript|ecmascript|x-www-form-urlencoded|graphql|x-ndjson)\b|image\/svg\+xml\b)/i

/**
 * A capture keeping at most `limit` bytes. A body is text when its `Content-Type` is textual, it has
 * no `Content-Encoding` (a gzip body is bytes; the proxy never decodes) and its first bytes are valid
 * UTF-8 (a character cut by the limit is left out); otherwise only its size is kept.
 */
export function createBodyCapture(limit: number = DEFAULT_BODY_LIMIT): BodyCapture {
  const chunks: Uint8Array[] = []
  let kept = 0
  let size = 0
  return {
    push(chunk) {
      size += chunk.byteLength
      if (kept >= limit) return
      const part = chunk.byteLength <= limit - kept ? chunk : chunk.subarray(0, limit - kept)
      chunks.push(part.slice())
      kept += part.byteLength
    },
    get size() {
      return size
    },
    finish(headers) {
      const mimeType = findHeader(headers, 'content-type')
      const encoding = findHeader(headers, 'content-encoding')?.trim().toLowerCase()
      const textual =
        mimeType !== undefined && TEXT_TYPE.test(mimeType.trim()) && (encoding ?? 'identity') === 'identity'
      const text = textual ? decode(chunks, kept) : undefined
      return { size, text, truncated: size > kept, mimeType }
    },
  }
}

/** `chunks` as UTF-8, or `undefined` when they are not valid UTF-8 (an incomplete last character is dropped). */
function decode(chunks: readonly Uint8Array[], length: number): string | undefined {
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    // `stream: true` holds back a trailing partial sequence instead of failing on it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true })
  } catch {
    return undefined
  }
}
