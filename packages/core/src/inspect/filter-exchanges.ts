import type { ExchangeRecord } from './types.ts'

/**
 * A status class (`'2xx'`…`'5xx'`, `'1xx'`), or what has no status to class: `'pending'` (no answer
 * yet) and `'failed'` (ended by a failure, whatever status its error answer had).
 */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'pending' | 'failed'

/** What {@link filterExchanges} keeps; every given condition must hold. */
export interface ExchangeFilter {
  /**
   * Found, ignoring case, in the method, the browser's URL, the upstream URL, the route, the status,
   * the error code or the mock's file.
   */
  readonly text?: string
  /** Any of these classes. */
  readonly status?: StatusClass | readonly StatusClass[]
  /** The route's id, exactly (`/api`). */
  readonly route?: string
}

/** The class of an exchange's status, `'failed'` and `'pending'` first. */
export function toStatusClass(record: ExchangeRecord): StatusClass {
  if (record.state === 'failed') return 'failed'
  const status = record.status
  if (status === undefined) return 'pending'
  if (status < 200) return '1xx'
  if (status < 300) return '2xx'
  if (status < 400) return '3xx'
  return status < 500 ? '4xx' : '5xx'
}

/**
 * The records `filter` keeps, in their order.
 * @example filterExchanges(log.list(), { text: 'users', status: ['4xx', '5xx', 'failed'] })
 */
export function filterExchanges(
  records: readonly ExchangeRecord[],
  filter: ExchangeFilter,
): ExchangeRecord[] {
  const text = filter.text?.trim().toLowerCase() ?? ''
  const classes = filter.status === undefined ? undefined : [filter.status].flat()
  return records.filter(
    (record) =>
      (filter.route === undefined || record.route === filter.route) &&
      (classes === undefined || classes.includes(toStatusClass(record))) &&
      (text === '' || toSearchText(record).includes(text)),
  )
}

function toSearchText(record: ExchangeRecord): string {
  const fields = [
    record.method,
    record.url,
    record.upstreamUrl,
    record.route,
    record.status,
    record.failure?.code,
    record.mock,
  ]
  return fields
    .filter((field) => field !== undefined)
    .join('\n')
    .toLowerCase()
}
