import { maskHeaderValue, maskParameters, maskQueries, maskQuery } from './mask-value.ts'
import type { BlockedCallEntry, CapturedBody, ExchangeRecord, HeaderChange, HeaderList } from './types.ts'

/**
 * A copy of `record` with its secrets masked (see `maskHeaderValue` and `maskQuery` for the rules):
 * the URLs' secret query parameters, `Cookie`, `Authorization`, `Proxy-Authorization` and
 * secret-named headers, `Set-Cookie` values (names and attributes kept), URL headers' queries, and a
 * form body's secret fields, and the queries in a blocked call's verdict, fix and command (a report
 * holds no header value but Content-Type's). The log keeps raw values; this is what is served unless
 * the session asked to see them. Other bodies (JSON) are served as they are.
 */
export function maskExchange(record: ExchangeRecord): ExchangeRecord {
  const { request, response } = record
  return {
    ...record,
    url: maskQuery(record.url),
    upstreamUrl: record.upstreamUrl === undefined ? undefined : maskQuery(record.upstreamUrl),
    request: {
      client: maskHeaders(request.client) ?? [],
      upstream: maskHeaders(request.upstream),
      body: maskBody(request.body),
    },
    response: {
      upstream: maskHeaders(response.upstream),
      client: maskHeaders(response.client),
      body: response.body,
    },
    blocked: record.blocked === undefined ? undefined : maskBlocked(record.blocked),
  }
}

function maskBlocked(blocked: BlockedCallEntry): BlockedCallEntry {
  const { fix } = blocked
  return {
    ...blocked,
    verdict: maskQueries(blocked.verdict),
    fix: fix === undefined ? undefined : { title: maskQueries(fix.title), lines: fix.lines.map(maskQueries) },
    command: maskQueries(blocked.command),
  }
}

/** A change's values masked like its header's (its explanation is masked when it is made). */
export function maskChange(change: HeaderChange): HeaderChange {
  const mask = (value: string | undefined) =>
    value === undefined ? undefined : maskHeaderValue(change.name, value)
  return { ...change, before: mask(change.before), after: mask(change.after) }
}

function maskHeaders(list: HeaderList | undefined): HeaderList | undefined {
  return list?.map(({ name, value }) => ({ name, value: maskHeaderValue(name, value) }))
}

function maskBody(body: CapturedBody | undefined): CapturedBody | undefined {
  if (body?.text === undefined || !/^application\/x-www-form-urlencoded\b/i.test(body.mimeType ?? ''))
    return body
  return { ...body, text: maskParameters(body.text) }
}
