import type { ExchangeFilter } from './filter-exchanges.ts'
import type { ExchangeRecord } from './types.ts'
import type { BlockedStart, ExchangeEnd, ExchangeStart, ExchangeUpdate } from './update-exchange-record.ts'

/** Body bytes the whole log keeps by default, every exchange's together: 16 MiB. */
export const DEFAULT_BODY_BUDGET: number = 16 * 1024 * 1024

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
  /**
   * Body bytes kept by all exchanges together. When a new body would go past it, the oldest
   * exchanges' captured bytes are let go first (their sizes stay, `truncated`, with no text); an
   * exchange never loses its bytes to an older one. Text is counted as it sits in memory (twice its
   * length once it has a character beyond ASCII). At least two bodies' worth.
   * @default max(16 MiB, 2 × bodyLimit)
   */
  readonly bodyBudget?: number
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
  readonly bodyBudget: number
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
