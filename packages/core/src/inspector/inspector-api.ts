import type { ExchangeFilter, ExchangeLog, ExchangeRecord, StatusClass } from '../inspect/index.ts'
import { explainChanges, maskExchange, STATUS_CLASSES, toCurl, toHar } from '../inspect/index.ts'
import { respondError, respondJson, respondText } from './respond.ts'
import { toServedRecord, toSummary } from './to-summary.ts'

/** What every API answer knows: the log, the session's switch, HAR's creator. */
export interface ApiContext {
  readonly log: ExchangeLog
  readonly showSecrets: boolean
  readonly creator: { readonly name: string; readonly version: string }
}

/**
 * The filter in `?text=&status=&route=` (`status` a comma list of classes: `4xx,5xx,failed`), or the
 * message that says which parameter is wrong.
 */
export function toFilter(params: URLSearchParams): ExchangeFilter | string {
  const text = params.get('text') ?? undefined
  const route = params.get('route') || undefined
  const status = params.get('status')
  if (status === null || status === '') return { text, route }
  const classes = status.split(',').map((item) => item.trim())
  const wrong = classes.find((item) => !STATUS_CLASSES.includes(item as StatusClass))
  if (wrong !== undefined)
    return `status=${wrong} is not a status class: use ${STATUS_CLASSES.join(', ')} (e.g. status=4xx,5xx).`
  return { text, route, status: classes as StatusClass[] }
}

/** `GET .../api/exchanges`: the filtered records, newest first, bodies' text left out. */
export function listExchanges(context: ApiContext, params: URLSearchParams): Response {
  const filter = toFilter(params)
  if (typeof filter === 'string') return respondError(400, filter)
  const records = context.log.list(filter).toReversed()
  return respondJson({
    capacity: context.log.capacity,
    showSecrets: context.showSecrets,
    exchanges: records.map((record) => toSummary(shown(record, context))),
  })
}

/** `GET .../api/exchanges/:id`: the record with its bodies, its class and its changes explained. */
export function getExchange(context: ApiContext, id: number): Response {
  const record = context.log.get(id)
  if (record === undefined) return missing(id)
  return respondJson({
    exchange: toServedRecord(shown(record, context)),
    changes: explainChanges(record, { showSecrets: context.showSecrets }),
  })
}

/** `GET .../api/exchanges/:id/curl`: the upstream request as one shell command. */
export function getCurl(context: ApiContext, id: number): Response {
  const record = context.log.get(id)
  if (record === undefined) return missing(id)
  if (record.state === 'blocked')
    return respondError(
      409,
      `Exchange ${id} is a call the browser blocked: its doctor command asks it again.`,
    )
  const command = toCurl(record, { showSecrets: context.showSecrets })
  if (command === undefined)
    return respondError(409, `Exchange ${id} sent nothing upstream: there is no command.`)
  return respondText(`${command}\n`)
}

/**
 * `GET .../api/har?ids=3,4`: a HAR 1.2 file of those exchanges (oldest first), or without `ids` of
 * every exchange the `text`, `status` and `route` parameters keep. Served as a download.
 */
export function getHar(context: ApiContext, params: URLSearchParams, now: Date): Response {
  const filter = toFilter(params)
  if (typeof filter === 'string') return respondError(400, filter)
  const ids = params.get('ids')
  let records: ExchangeRecord[] = context.log.list(filter)
  if (ids !== null) {
    const wanted = new Set(
      ids
        .split(',')
        .filter((item) => item.trim() !== '')
        .map(Number),
    )
    if ([...wanted].some((id) => !Number.isSafeInteger(id)))
      return respondError(400, `ids=${ids} must be exchange ids separated by commas (e.g. ids=3,4).`)
    records = records.filter((record) => wanted.has(record.id))
  }
  const har = toHar(records, { showSecrets: context.showSecrets, creator: context.creator })
  const stamp = now.toISOString().slice(0, 19).replaceAll(':', '-')
  return respondJson(har, 200, {
    'content-disposition': `attachment; filename="sameorigin-${stamp}.har"`,
  })
}

function shown(record: ExchangeRecord, context: ApiContext): ExchangeRecord {
  return context.showSecrets ? record : maskExchange(record)
}

function missing(id: number): Response {
  return respondError(
    404,
    `Exchange ${id} is not in the log (it may have left it: the log keeps the last ones).`,
  )
}
