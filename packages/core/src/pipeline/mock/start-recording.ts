import { toLogSafe } from '../../internal/to-log-safe.ts'
import type { ReadonlyHeaderRecord } from '../../rewrite/types.ts'
import type { ResolvedRoute } from '../../types.ts'
import type { ForwardPlan, Pipeline } from '../types.ts'
import { toRecordFileName } from './mock-file-names.ts'
import type { MockKey } from './to-mock-key.ts'
import { toMockKey } from './to-mock-key.ts'
import { RECORD_LIMIT, toMockRecording, toRecordSkip } from './to-mock-recording.ts'
import type { MockIO } from './types.ts'

/** Collects a copy of an answer's body as it passes to the browser, and saves it when it ends. */
export interface Recording {
  /** A chunk the browser is getting (copied: the original goes on untouched). */
  readonly add: (chunk: Uint8Array) => void
  /** The body ended cleanly: the recording is written in the background (never awaited). */
  readonly finish: () => void
}

/** The upstream answer being recorded. */
export interface RecordedHead {
  readonly method: string
  readonly status: number
  /** The upstream's headers, before `planResponse`: a replay is rewritten like the live answer. */
  readonly headers: ReadonlyHeaderRecord
  readonly eventStream: boolean
}

/** Routes whose event streams were already announced as not recorded (once per resolved route). */
const announced = new WeakSet<ResolvedRoute>()

/**
 * A recorder for one upstream answer of a `'record'` route, or `undefined` when it is not recorded
 * (one `debug` line says why; an event stream says so once per route at `info`). The copy is capped
 * at 10 MiB (past it, one `debug` line and nothing is saved); a compressed body is saved decoded.
 * Writing never delays or changes what the browser gets: a failure is one `warn` line.
 */
export function startRecording(
  pipeline: Pipeline,
  io: MockIO,
  plan: ForwardPlan,
  head: RecordedHead,
): Recording | undefined {
  const { match } = plan
  const mock = match.route.mock
  if (mock?.dir === undefined) return undefined
  const what = `${head.method} ${toLogSafe(match.path + match.search)}`
  const key = toMockKey(head.method, match.path, match.search)
  const skip =
    key === undefined
      ? 'this method or path is not mocked'
      : toRecordSkip(mock, head.status, head.eventStream)
  if (skip !== undefined || key === undefined) {
    if (head.eventStream && !announced.has(match.route)) {
      announced.add(match.route)
      pipeline.log.info(
        `${what}: not recorded (route ${match.route.id}): event streams are never recorded or replayed.`,
      )
    } else pipeline.log.debug?.(`${what}: not recorded: ${skip}.`)
    return undefined
  }
  const chunks: Uint8Array[] = []
  let size = 0
  let over = false
  const file = [...key.segments, toRecordFileName(key)].join('/')
  return {
    add: (chunk) => {
      if (over) return
      size += chunk.byteLength
      if (size > RECORD_LIMIT) {
        over = true
        chunks.length = 0
        pipeline.log.debug?.(
          `${what}: not recorded: the body is larger than ${RECORD_LIMIT / 1024 / 1024} MiB.`,
        )
      } else chunks.push(chunk.slice())
    },
    finish: () => {
      if (over) return
      const body = concat(chunks, size)
      saveRecording(io, { dir: mock.dir as string, keepSecrets: mock.keepSecrets, key }, head, body).then(
        (problem) => {
          if (problem === undefined) pipeline.log.debug?.(`${what} → recorded ${file} (${head.status})`)
          else pipeline.log.debug?.(`${what}: not recorded: ${problem}.`)
        },
        (error: unknown) =>
          pipeline.log.warn(`${what}: could not record ${file}: ${(error as Error).message}`),
      )
    },
  }
}

/** Decodes the body when it is compressed and writes the recording; a reason when it cannot. */
async function saveRecording(
  io: MockIO,
  target: { readonly dir: string; readonly keepSecrets: boolean; readonly key: MockKey },
  head: RecordedHead,
  received: Uint8Array,
): Promise<string | undefined> {
  let body = received
  const encoding = head.headers['content-encoding']
  if (typeof encoding === 'string' && encoding.trim() !== '') {
    const decoded = await io.decode(body, encoding, RECORD_LIMIT)
    if (decoded === undefined)
      return `its ${encoding} encoding cannot be decoded within ${RECORD_LIMIT / 1024 / 1024} MiB`
    body = decoded
  }
  const writes = toMockRecording(
    target.key,
    { status: head.status, headers: head.headers, body },
    target.keepSecrets,
  )
  await io.files(target.dir).write(target.key.segments, writes)
  return undefined
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.byteLength
  }
  return out
}
