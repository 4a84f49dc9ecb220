import type { Content, Entry, Har, PostData, Request, Response, Timings } from 'har-format'
import { explainChanges } from './explain-changes.ts'
import { findHeader } from './group-headers.ts'
import { maskExchange } from './mask-exchange.ts'
import { toRequestCookies, toResponseCookies } from './to-har-cookies.ts'
import type { CapturedBody, ExchangeRecord, HeaderList } from './types.ts'

/** Options of {@link toHar}. */
export interface ToHarOptions {
  /** Who wrote the file (`log.creator`). @default { name: 'sameorigin', version: '0.0.0' } */
  readonly creator?: { readonly name: string; readonly version: string }
  /**
   * Export secret values as they were (the session's switch).
   * @default false: masked as `maskExchange` masks them
   */
  readonly showSecrets?: boolean
}

/**
 * A HAR 1.2 log of `records` (a selection, in their order), as the browser saw each exchange: its
 * request and the answer it got. What the proxy adds is in each entry's custom `_sameorigin` field:
 * the route, the upstream URL, the headers the upstream received and sent, the changes explained,
 * the mock that answered and the failure. Bodies are the captured first bytes; a binary body appears
 * by its size only. Timings the transport could not see are `-1`. Blocked calls (state `blocked`)
 * are left out: the browser sent them elsewhere, so there is no request or answer the proxy saw to
 * export, only the dev server's verdict, which the page and the API show.
 * @example new Blob([JSON.stringify(toHar(log.list({ route: '/api' })))], { type: 'application/json' })
 */
export function toHar(records: readonly ExchangeRecord[], options: ToHarOptions = {}): Har {
  const showSecrets = options.showSecrets === true
  return {
    log: {
      version: '1.2',
      creator: { ...(options.creator ?? { name: 'sameorigin', version: '0.0.0' }) },
      entries: records
        .filter((record) => record.state !== 'blocked')
        .map((record) => toEntry(showSecrets ? record : maskExchange(record), record, showSecrets)),
    },
  }
}

function toEntry(record: ExchangeRecord, raw: ExchangeRecord, showSecrets: boolean): Entry {
  return {
    startedDateTime: new Date(record.startedAt).toISOString(),
    time: record.duration ?? record.timings.total ?? 0,
    request: toRequest(record),
    response: toResponse(record),
    cache: {},
    timings: toTimings(record),
    _sameorigin: {
      id: record.id,
      state: record.state,
      route: record.route,
      upstreamUrl: record.upstreamUrl,
      upstreamRequestHeaders: record.request.upstream,
      upstreamResponseHeaders: record.response.upstream,
      mock: record.mock,
      failure: record.failure,
      changes: explainChanges(raw, { showSecrets }),
    },
  }
}

function toRequest(record: ExchangeRecord): Request {
  const { client, body } = record.request
  const url = toAbsoluteUrl(record, client)
  const request: Request = {
    method: record.method,
    url,
    httpVersion: '',
    cookies: toRequestCookies(client),
    headers: toHarHeaders(client),
    queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
    headersSize: -1,
    bodySize: body?.size ?? 0,
  }
  if (body !== undefined) request.postData = toPostData(body)
  return request
}

function toResponse(record: ExchangeRecord): Response {
  const client = record.response.client ?? []
  return {
    status: record.status ?? 0,
    statusText: '',
    httpVersion: '',
    cookies: toResponseCookies(client),
    headers: toHarHeaders(client),
    content: toContent(record.response.body, findHeader(client, 'content-type')),
    redirectURL: findHeader(client, 'location') ?? '',
    headersSize: -1,
    bodySize: record.size ?? -1,
  }
}

/** The URL the browser requested: the dev origin (or `Host`) and the target it sent. */
function toAbsoluteUrl(record: ExchangeRecord, headers: HeaderList): string {
  const origin = record.devOrigin ?? `http://${findHeader(headers, 'host') ?? 'localhost'}`
  try {
    return new URL(record.url, origin).href
  } catch {
    return `${origin}/`
  }
}

function toHarHeaders(list: HeaderList): { name: string; value: string }[] {
  return list.map(({ name, value }) => ({ name, value }))
}

function toPostData(body: CapturedBody): PostData {
  const postData: PostData = { mimeType: body.mimeType ?? '', text: body.text ?? '' }
  if (body.text === undefined) postData.comment = `binary body: ${body.size} bytes, not captured`
  else if (body.truncated) postData.comment = `first bytes only: the body has ${body.size}`
  return postData
}

function toContent(body: CapturedBody | undefined, contentType: string | undefined): Content {
  const content: Content = { size: body?.size ?? 0, mimeType: contentType ?? 'x-unknown' }
  if (body?.text !== undefined) content.text = body.text
  if (body !== undefined && body.text === undefined) content.comment = 'binary body: size only'
  else if (body?.truncated === true) content.comment = `first bytes only: the body has ${body.size}`
  return content
}

/**
 * HAR's phases from the record's clocks: `connect` includes `ssl` (HAR 1.2), `wait` is until the
 * first byte, `receive` the rest; unknown phases `-1`, the required ones `0`.
 */
function toTimings(record: ExchangeRecord): Timings {
  const { connect, tls, firstByte, total } = record.timings
  const dial = connect === undefined ? undefined : connect + (tls ?? 0)
  const end = record.duration ?? total
  return {
    blocked: -1,
    dns: -1,
    connect: dial ?? -1,
    ssl: tls ?? -1,
    send: 0,
    wait: firstByte === undefined ? 0 : Math.max(0, firstByte - (dial ?? 0)),
    receive: firstByte === undefined || end === undefined ? 0 : Math.max(0, end - firstByte),
  }
}
