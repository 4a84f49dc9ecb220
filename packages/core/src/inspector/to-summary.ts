import type { CapturedBody, ExchangeRecord, StatusClass } from '../inspect/index.ts'
import { toSearchText, toStatusClass } from '../inspect/index.ts'

/** A body without its text: what a list row needs (the size and type), not the bytes. */
export type BodySummary = Omit<CapturedBody, 'text'> & { readonly text: undefined }

/**
 * A record as the API serves it, with its class (`toStatusClass`) and the text the filter looks in
 * (`toSearchText`, of the record as served: masked unless the session shows secrets): the page
 * colours and filters by them, so both rules are defined once, in `filterExchanges`'s file.
 */
export type ServedRecord = ExchangeRecord & {
  readonly statusClass: StatusClass
  readonly searchText: string
}

/** `record` with its `statusClass` and `searchText`. */
export function toServedRecord(record: ExchangeRecord): ServedRecord {
  return { ...record, statusClass: toStatusClass(record), searchText: toSearchText(record) }
}

/**
 * A record as the list and the event stream serve it: everything but the bodies' text, which the
 * detail (`GET .../api/exchanges/:id`) serves on demand, and its `statusClass`. Keeps every event
 * under a few KiB.
 */
export function toSummary(record: ExchangeRecord): ServedRecord {
  return toServedRecord({
    ...record,
    request: { ...record.request, body: withoutText(record.request.body) },
    response: { ...record.response, body: withoutText(record.response.body) },
  })
}

function withoutText(body: CapturedBody | undefined): BodySummary | undefined {
  return body === undefined ? undefined : { ...body, text: undefined }
}
