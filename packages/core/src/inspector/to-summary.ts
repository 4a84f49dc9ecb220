import type { CapturedBody, ExchangeRecord } from '../inspect/index.ts'

/** A body without its text: what a list row needs (the size and type), not the bytes. */
export type BodySummary = Omit<CapturedBody, 'text'> & { readonly text: undefined }

/**
 * A record as the list and the event stream serve it: everything but the bodies' text, which the
 * detail (`GET .../api/exchanges/:id`) serves on demand. Keeps every event under a few KiB.
 */
export function toSummary(record: ExchangeRecord): ExchangeRecord {
  return {
    ...record,
    request: { ...record.request, body: withoutText(record.request.body) },
    response: { ...record.response, body: withoutText(record.response.body) },
  }
}

function withoutText(body: CapturedBody | undefined): BodySummary | undefined {
  return body === undefined ? undefined : { ...body, text: undefined }
}
