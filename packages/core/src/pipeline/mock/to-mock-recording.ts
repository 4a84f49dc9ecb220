import type { ReadonlyHeaderRecord } from '../../rewrite/types.ts'
import { HOP_BY_HOP_HEADERS } from '../../rewrite/hop-by-hop-headers.ts'
import type { ResolvedMock } from '../../types.ts'
import { toBodyExtension, toContentKind } from './content-kind.ts'
import { toBodyFileName, toRecordFileName } from './mock-file-names.ts'
import type { MockKey } from './to-mock-key.ts'
import type { MockWrite } from './types.ts'

/** Largest body recorded (after decoding): bigger answers pass to the browser and are not saved. */
export const RECORD_LIMIT: number = 10 * 1024 * 1024

/** Fields that describe this transfer, not the answer: the replay computes its own. */
const TRANSFER = new Set(['content-length', 'content-encoding', 'date', 'age'])
/** Names that carry credentials (`set-cookie`, `x-auth-token`, `x-api-key`, `x-session-id`, ...). */
const SECRET =
  /(?:^|-)(?:authorization|cookie|cookie2|token|secret|session|sessionid|api-?key|auth|password|credentials?)(?:-|$)/

const encoder = new TextEncoder()

/**
 * Why an upstream answer is not recorded, or `undefined` to record it: statuses the route counts as
 * the backend failing, answers that depend on the browser's cache or range (206, 304), and event
 * streams (never recorded, never replayed).
 */
export function toRecordSkip(mock: ResolvedMock, status: number, eventStream: boolean): string | undefined {
  if (eventStream) return 'event streams are not recorded'
  if (mock.statuses.has(status)) return `${status} is one of the route's failure statuses`
  if (status < 200 || status === 206 || status === 304)
    return `a ${status} answer depends on the request's cache or range`
  return undefined
}

/**
 * The files that record one answer, body file first: `<METHOD>[.<query>].json` holding
 * `{ status, headers, body }` pretty-printed (a JSON body as its value, text as a string), or
 * `"bodyFile"` naming a file beside it for bytes (and for JSON whose numbers JSON.parse would round).
 * `body` is the decoded body; framing, encoding and date fields are left out, and so are secrets
 * (`Set-Cookie`, `Authorization`-like names) unless `keepSecrets`.
 */
export function toMockRecording(
  key: MockKey,
  answer: { readonly status: number; readonly headers: ReadonlyHeaderRecord; readonly body: Uint8Array },
  keepSecrets: boolean,
): MockWrite[] {
  const headers: Record<string, string | readonly string[]> = {}
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || TRANSFER.has(name) || HOP_BY_HOP_HEADERS.has(name)) continue
    if (!keepSecrets && SECRET.test(name)) continue
    headers[name] = value
  }
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined
  const record: Record<string, unknown> = { status: answer.status, headers }
  const writes: MockWrite[] = []
  const body =
    answer.body.byteLength === 0 ? undefined : toRecordedBody(answer.body, toContentKind(contentType))
  if (body !== undefined && 'value' in body) record.body = body.value
  else if (body !== undefined) {
    const name = toBodyFileName(key, toBodyExtension(contentType))
    writes.push({ name, bytes: answer.body })
    record.bodyFile = name
  }
  writes.push({ name: toRecordFileName(key), bytes: encoder.encode(`${JSON.stringify(record, null, 2)}\n`) })
  return writes
}

/** The body as a JSON value or text, or `{}` when it must stay bytes. */
function toRecordedBody(
  bytes: Uint8Array,
  kind: ReturnType<typeof toContentKind>,
): { value: unknown } | object {
  if (kind === 'binary') return {}
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return {}
  }
  if (kind === 'text') return { value: text }
  if (hasLongNumber(text)) return {}
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return {}
  }
}

/** A number of 16 digits or more outside strings: JSON.parse would round it, so the bytes are kept. */
function hasLongNumber(json: string): boolean {
  let inString = false
  let digits = 0
  for (let i = 0; i < json.length; i++) {
    const char = json[i] as string
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    digits = char >= '0' && char <= '9' ? digits + 1 : 0
    if (digits >= 16) return true
  }
  return false
}
