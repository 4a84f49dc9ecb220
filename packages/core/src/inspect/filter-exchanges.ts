import type { ExchangeRecord } from './types.ts'

/**
 * A status class (`'2xx'`…`'5xx'`, `'1xx'`), or what has no status to class: `'pending'` (no answer
 * yet), `'failed'` (ended by a failure, whatever status its error answer had) and `'blocked'` (a call
 * the browser blocked in the page, reported to the dev server).
 */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'pending' | 'failed' | 'blocked'

/** Every status class, in the order a filter lists them: the API's and the page's one list. */
export const STATUS_CLASSES: readonly StatusClass[] = Object.freeze([
  '1xx',
  '2xx',
  '3xx',
  '4xx',
  '5xx',
  'pending',
  'failed',
  'blocked',
])

/** What {@link filterExchanges} keeps; every given condition must hold. */
export interface ExchangeFilter {
  /**
   * Found, ignoring case, in the method, the browser's URL, the upstream URL, the route, the status,
   * the error code, the mock's file or a blocked call's API (`fetch`, `xhr`, `eventsource`, `websocket`).
   */
  readonly text?: string
  /** Any of these classes. */
  readonly status?: StatusClass | readonly StatusClass[]
  /** The route's id, exactly (`/api`). */
  readonly route?: string
}

/** The class of an exchange's status, `'blocked'`, `'failed'` and `'pending'` first. */
export function toStatusClass(record: ExchangeRecord): StatusClass {
  if (record.state === 'blocked') return 'blocked'
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

/** What the text filter looks in, lower-cased: method, URLs, route, status, failure code, mock, page API. */
export function toSearchText(record: ExchangeRecord): string {
  const fields = [
    record.method,
    record.url,
    record.upstreamUrl,
    record.route,
    record.status,
    record.failure?.code,
    record.mock,
    record.blocked?.api,
  ]
  return fields
    .filter((field) => field !== undefined)
    .join('\n')
    .toLowerCase()
}
