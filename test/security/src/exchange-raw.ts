import { connect } from 'node:net'

/** What a server sent back to raw request bytes, and how the connection ended. */
export interface RawAnswer {
  /** Everything received, one character per byte (latin1), so binary bodies survive. */
  readonly text: string
  /** The status of each response head received, in order (`101` and other `1xx` included). */
  readonly statuses: readonly number[]
  /**
   * How the exchange ended: the server closed the connection (`closed`) or reset it (`reset`), a
   * `101` head arrived and this side closed (`upgraded`), or the server kept the connection open past
   * the bound (`open`, which a hostile row never expects: each sends `Connection: close`).
   */
  readonly end: 'closed' | 'reset' | 'upgraded' | 'open'
}

/** An exchange in progress: its outcome, and a way to end it from this side. */
export interface RawExchange {
  /** Settles once the bytes were handed to the connection (before any answer). */
  readonly written: Promise<void>
  /** Settles when the connection closes (from either side). */
  readonly done: Promise<RawAnswer>
  /** Closes the connection from this side; if the server had not closed it yet, `end` is `open`. */
  readonly stop: () => Promise<RawAnswer>
}

/**
 * Writes `bytes` to 127.0.0.1:`port` exactly as given and collects the answer until the connection
 * closes. Raw, because node:http refuses to send most hostile requests (CRLF in a value, two
 * `Content-Length`, a `Trailer` on a GET, absolute-form targets).
 */
export function openRaw(port: number, bytes: Buffer): RawExchange {
  const chunks: Buffer[] = []
  let end: RawAnswer['end'] = 'closed'
  let stopped = false
  const socket = connect(port, '127.0.0.1')
  const written = new Promise<void>((resolve) => {
    socket.once('connect', () => socket.write(bytes, () => resolve()))
    socket.once('close', () => resolve())
  })
  const done = new Promise<RawAnswer>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      // An open WebSocket stays open: the `101` head is the whole answer.
      const text = Buffer.concat(chunks).toString('latin1')
      if (text.startsWith('HTTP/1.1 101 ') && text.includes('\r\n\r\n')) {
        end = 'upgraded'
        socket.destroy()
      }
    })
    socket.on('error', () => {
      if (end === 'closed') end = 'reset'
    })
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ text, statuses: readStatuses(text), end: stopped ? 'open' : end })
    })
  })
  return {
    written,
    done,
    stop: () => {
      if (!socket.destroyed) {
        stopped = true
        socket.destroy()
      }
      return done
    },
  }
}

/**
 * {@link openRaw}, waiting for the server to close the connection. `boundMs` only stops a hang (the
 * answer then has `end: 'open'`): a server that answers keeps no connection open after
 * `Connection: close`.
 */
export async function exchangeRaw(port: number, bytes: Buffer, boundMs = 15_000): Promise<RawAnswer> {
  const exchange = openRaw(port, bytes)
  const timer = setTimeout(() => void exchange.stop(), boundMs)
  const answer = await exchange.done
  clearTimeout(timer)
  return answer
}

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/

/**
 * The status codes of the responses in `text`, read in sequence (head, then a body framed by
 * `Content-Length` or chunked encoding), so a body that quotes a status line is never counted. A
 * `101` ends the reading: what follows is WebSocket frames.
 */
export function readStatuses(text: string): number[] {
  const statuses: number[] = []
  let offset = 0
  while (offset < text.length) {
    const line = STATUS_LINE.exec(text.slice(offset))
    if (line === null) break
    const status = Number(line[1])
    statuses.push(status)
    const headEnd = text.indexOf('\r\n\r\n', offset)
    if (headEnd === -1 || status === 101) break
    const head = text.slice(offset, headEnd).toLowerCase()
    offset = headEnd + 4
    if (status >= 100 && status < 200) continue
    const length = /\r\ncontent-length: *(\d+)/.exec(head)
    if (length !== null) offset += Number(length[1])
    else if (/\r\ntransfer-encoding: *chunked/.test(head)) offset = skipChunked(text, offset)
    else break
  }
  return statuses
}

function skipChunked(text: string, start: number): number {
  let offset = start
  for (;;) {
    const lineEnd = text.indexOf('\r\n', offset)
    if (lineEnd === -1) return text.length
    const size = Number.parseInt(text.slice(offset, lineEnd), 16)
    if (!Number.isFinite(size)) return text.length
    offset = lineEnd + 2
    if (size === 0) {
      // Trailer section: fields until an empty line.
      const trailerEnd = text.indexOf('\r\n', offset)
      if (trailerEnd === offset) return offset + 2
      const end = text.indexOf('\r\n\r\n', offset)
      return end === -1 ? text.length : end + 4
    }
    offset += size + 2
  }
}
