import type { BodyCapture } from './create-body-capture.ts'
import {
  createBodyCapture,
  DEFAULT_BODY_LIMIT,
  isTextBody,
  textMemory,
  withoutText,
} from './create-body-capture.ts'
import { filterExchanges } from './filter-exchanges.ts'
import {
  blockedExchangeRecord,
  endExchangeRecord,
  startExchangeRecord,
  updateExchangeRecord,
} from './update-exchange-record.ts'
import type { ExchangeRecord } from './types.ts'
import { DEFAULT_BODY_BUDGET } from './exchange-log.ts'
import type { ExchangeEvent, ExchangeLog, ExchangeLogOptions } from './exchange-log.ts'

export type { BlockedStart, ExchangeEnd, ExchangeStart, ExchangeUpdate } from './update-exchange-record.ts'
export { DEFAULT_BODY_BUDGET } from './exchange-log.ts'
export type { ExchangeEvent, ExchangeLog, ExchangeLogOptions } from './exchange-log.ts'

interface Entry {
  record: ExchangeRecord
  readonly request: BodyCapture
  readonly response: BodyCapture
  /** Body bytes counted against the budget: the captures' while in flight, the texts' once ended. */
  held: number
}

/**
 * A log of the last `capacity` exchanges (500 by default), each body capped at `bodyLimit` (64 KiB),
 * all bodies together at `bodyBudget` (16 MiB). Raw values are kept; mask them when serving
 * (`maskExchange`). Pure: no I/O, no timers.
 * @example
 * const log = createExchangeLog()
 * const { id } = log.start({ method: 'GET', url: '/api/me', headers: { host: 'localhost:5173' } })
 * log.update(id, { route: '/api', status: 200, clientResponseHeaders: { 'content-type': 'application/json' } })
 * log.end(id)
 */
export function createExchangeLog(options: ExchangeLogOptions = {}): ExchangeLog {
  const capacity = Math.max(1, Math.floor(options.capacity ?? 500))
  const bodyLimit = Math.max(0, Math.floor(options.bodyLimit ?? DEFAULT_BODY_LIMIT))
  const bodyBudget = Math.max(2 * bodyLimit, Math.floor(options.bodyBudget ?? DEFAULT_BODY_BUDGET))
  const now = options.now ?? Date.now
  const entries = new Map<number, Entry>()
  const listeners = new Set<(event: ExchangeEvent) => void>()
  let nextId = 1
  let held = 0
  // Every exchange with a smaller id had its bodies dropped (or left the log): the next to drop.
  let dropFrom = 1

  const emit = (event: ExchangeEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A subscriber's failure (a closed stream) must never reach the request it listens to.
      }
    }
  }
  const change = (entry: Entry, record: ExchangeRecord, type: 'update' | 'end'): ExchangeRecord => {
    entry.record = record
    emit({ type, record })
    return record
  }
  const setHeld = (entry: Entry, bytes: number): void => {
    held += bytes - entry.held
    entry.held = bytes
  }
  const overBudget = (bytes: number): boolean => held + bytes > bodyBudget
  /** Drops the bodies of exchanges older than `entry`, oldest first, until `bytes` more fit. */
  const makeRoom = (bytes: number, entry: Entry): void => {
    while (overBudget(bytes) && dropFrom < entry.record.id) {
      const older = entries.get(dropFrom++)
      if (older === undefined) continue
      setHeld(older, 0)
      older.request.drop()
      older.response.drop()
      older.record = withoutBodyText(older.record)
    }
  }

  const add = (record: ExchangeRecord): ExchangeRecord => {
    entries.set(record.id, {
      record,
      request: createBodyCapture(bodyLimit),
      response: createBodyCapture(bodyLimit),
      held: 0,
    })
    emit({ type: 'start', record })
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value as number
      setHeld(entries.get(oldest) as Entry, 0)
      entries.delete(oldest)
      emit({ type: 'evict', id: oldest })
    }
    return record
  }

  return {
    capacity,
    bodyLimit,
    bodyBudget,
    start: (start) => add(startExchangeRecord(nextId++, now(), start)),
    addBlocked: (start) => add(blockedExchangeRecord(nextId++, now(), start)),
    update(id, update) {
      const entry = entries.get(id)
      if (entry === undefined) return undefined
      if (isEnded(entry.record)) return entry.record
      return change(entry, updateExchangeRecord(entry.record, update), 'update')
    },
    body(id, side, chunk) {
      const entry = entries.get(id)
      if (entry === undefined || isEnded(entry.record)) return
      const capture = entry[side]
      // A body that can only be shown by its size (binary, compressed) is counted, never held.
      const headers = side === 'request' ? entry.record.request.client : entry.record.response.client
      const wanted = headers === undefined || isTextBody(headers) ? capture.wants(chunk.byteLength) : 0
      if (wanted > 0) makeRoom(wanted, entry)
      const kept = capture.push(chunk, Math.max(0, Math.min(wanted, bodyBudget - held)))
      if (kept > 0) setHeld(entry, entry.held + kept)
    },
    end(id, end = {}) {
      const entry = entries.get(id)
      if (entry === undefined) return undefined
      if (isEnded(entry.record)) return entry.record
      const keptRequest = entry.request.held
      const keptResponse = entry.response.held
      const record = endExchangeRecord(entry.record, now(), end, entry.request, entry.response)
      setHeld(
        entry,
        textMemory(record.request.body, keptRequest) + textMemory(record.response.body, keptResponse),
      )
      makeRoom(0, entry)
      if (!overBudget(0)) return change(entry, record, 'end')
      // Text beyond ASCII takes more room than its bytes did: past the budget, this one's goes too.
      setHeld(entry, 0)
      return change(entry, withoutBodyText(record), 'end')
    },
    get: (id) => entries.get(id)?.record,
    list: (filter) =>
      filterExchanges(
        [...entries.values()].map((entry) => entry.record),
        filter ?? {},
      ),
    clear() {
      entries.clear()
      held = 0
      emit({ type: 'clear' })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

function isEnded(record: ExchangeRecord): boolean {
  return record.state === 'done' || record.state === 'failed' || record.state === 'blocked'
}

/** `record` with its bodies described by their sizes only: their text let go to keep within the budget. */
function withoutBodyText(record: ExchangeRecord): ExchangeRecord {
  const { request, response } = record
  if (request.body?.text === undefined && response.body?.text === undefined) return record
  return {
    ...record,
    request: { ...request, body: withoutText(request.body) },
    response: { ...response, body: withoutText(response.body) },
  }
}
