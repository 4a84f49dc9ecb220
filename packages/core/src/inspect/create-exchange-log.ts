import type { BodyCapture } from './create-body-capture.ts'
import { createBodyCapture, DEFAULT_BODY_LIMIT } from './create-body-capture.ts'
import { filterExchanges } from './filter-exchanges.ts'
import type { ExchangeFilter } from './filter-exchanges.ts'
import {
  blockedExchangeRecord,
  endExchangeRecord,
  startExchangeRecord,
  updateExchangeRecord,
} from './update-exchange-record.ts'
import type { BlockedStart, ExchangeEnd, ExchangeStart, ExchangeUpdate } from './update-exchange-record.ts'
import type { ExchangeRecord } from './types.ts'

export type { BlockedStart, ExchangeEnd, ExchangeStart, ExchangeUpdate } from './update-exchange-record.ts'

/** Options of {@link createExchangeLog}. */
export interface ExchangeLogOptions {
  /**
   * Exchanges kept; the oldest goes when a new one would exceed it (in flight or not).
   * @default 500
   */
  readonly capacity?: number
  /**
   * Bytes of each body kept (request and response apart); the size is counted in full.
   * @default 65536
   */
  readonly bodyLimit?: number
  /** The clock, in ms since the epoch. @default Date.now */
  readonly now?: () => number
}

/** What a subscriber hears: a record started, changed or ended, one left the buffer, or all did. */
export type ExchangeEvent =
  | { readonly type: 'start' | 'update' | 'end'; readonly record: ExchangeRecord }
  | { readonly type: 'evict'; readonly id: number }
  | { readonly type: 'clear' }

/** A bounded, in-memory log of exchanges with live updates (what an event stream serves). */
export interface ExchangeLog {
  readonly capacity: number
  readonly bodyLimit: number
  /** Records a new exchange and returns it (its `id` names it from then on). */
  start(start: ExchangeStart): ExchangeRecord
  /**
   * Records a call the browser blocked in the page (state `blocked`, final at once: one `start`
   * event), in the same buffer as the exchanges.
   */
  addBlocked(start: BlockedStart): ExchangeRecord
  /** Applies `update`; `undefined` when `id` is no longer (or never was) in the log. */
  update(id: number, update: ExchangeUpdate): ExchangeRecord | undefined
  /** Counts and keeps the first bytes of the request's or the response's body. */
  body(id: number, side: 'request' | 'response', chunk: Uint8Array): void
  /** Ends the exchange: state, duration, size and bodies filled in; later calls change nothing. */
  end(id: number, end?: ExchangeEnd): ExchangeRecord | undefined
  get(id: number): ExchangeRecord | undefined
  /** The records, oldest first, those `filter` keeps. */
  list(filter?: ExchangeFilter): ExchangeRecord[]
  clear(): void
  /** Calls `listener` on every event until the returned function is called. A throwing listener is skipped. */
  subscribe(listener: (event: ExchangeEvent) => void): () => void
}

interface Entry {
  record: ExchangeRecord
  readonly request: BodyCapture
  readonly response: BodyCapture
}

/**
 * A log of the last `capacity` exchanges (500 by default), each body capped at `bodyLimit` (64 KiB).
 * Raw values are kept; mask them when serving (`maskExchange`). Pure: no I/O, no timers.
 * @example
 * const log = createExchangeLog()
 * const { id } = log.start({ method: 'GET', url: '/api/me', headers: { host: 'localhost:5173' } })
 * log.update(id, { route: '/api', status: 200, clientResponseHeaders: { 'content-type': 'application/json' } })
 * log.end(id)
 */
export function createExchangeLog(options: ExchangeLogOptions = {}): ExchangeLog {
  const capacity = Math.max(1, Math.floor(options.capacity ?? 500))
  const bodyLimit = Math.max(0, Math.floor(options.bodyLimit ?? DEFAULT_BODY_LIMIT))
  const now = options.now ?? Date.now
  const entries = new Map<number, Entry>()
  const listeners = new Set<(event: ExchangeEvent) => void>()
  let nextId = 1

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

  const add = (record: ExchangeRecord): ExchangeRecord => {
    entries.set(record.id, {
      record,
      request: createBodyCapture(bodyLimit),
      response: createBodyCapture(bodyLimit),
    })
    emit({ type: 'start', record })
    while (entries.size > capacity) {
      const oldest = entries.keys().next().value as number
      entries.delete(oldest)
      emit({ type: 'evict', id: oldest })
    }
    return record
  }

  return {
    capacity,
    bodyLimit,
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
      if (entry !== undefined && !isEnded(entry.record)) entry[side].push(chunk)
    },
    end(id, end = {}) {
      const entry = entries.get(id)
      if (entry === undefined) return undefined
      if (isEnded(entry.record)) return entry.record
      return change(entry, endExchangeRecord(entry.record, now(), end, entry.request, entry.response), 'end')
    },
    get: (id) => entries.get(id)?.record,
    list: (filter) =>
      filterExchanges(
        [...entries.values()].map((entry) => entry.record),
        filter ?? {},
      ),
    clear() {
      entries.clear()
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
