import { explainRequestChange } from './explain-request-changes.ts'
import { explainResponseChange } from './explain-response-changes.ts'
import { explainSetCookie } from './explain-set-cookie.ts'
import { findHeader, groupHeaders } from './group-headers.ts'
import { maskChange } from './mask-exchange.ts'
import { maskHeaderValue } from './mask-value.ts'
import type { ChangeDirection, ExchangeRecord, HeaderChange, HeaderList } from './types.ts'

/** Options of {@link explainChanges}. */
export interface ExplainChangesOptions {
  /**
   * Show secret values in `before`, `after` and the explanations (the session's switch).
   * @default false: masked as `maskExchange` masks them
   */
  readonly showSecrets?: boolean
}

/**
 * Every change the proxy made to the headers of an exchange, each with its rule and a one-line
 * explanation: the browser's request against what the upstream received, then the upstream's answer
 * against what the browser received (`Set-Cookie` attribute by attribute). Derived from the record
 * alone, by comparing the lists with per-header rules that follow `toUpstreamHeaders`,
 * `toClientHeaders`, `rewriteSetCookie`, CORS mode and mocks, so every transport gets it without the
 * rewriters reporting. A side not yet known (nothing sent upstream, no answer) has no changes.
 *
 * A route's `headers` / `responseHeaders` may set a field one of those rules also sets; the change is
 * then told by the rule its value fits (a `Host` equal to the target's reads as `changeOrigin`).
 * @example explainChanges(record).map((change) => change.explanation)
 * // → ['Host localhost:5173 → staging.example.com: set to the target\'s (changeOrigin)', ...]
 */
export function explainChanges(record: ExchangeRecord, options: ExplainChangesOptions = {}): HeaderChange[] {
  const show = options.showSecrets === true
  const changes = [...requestChanges(record, show), ...responseChanges(record, show)]
  return show ? changes : changes.map(maskChange)
}

/** How a value of header `name` may appear in an explanation. */
function toShow(name: string, showSecrets: boolean): (value: string) => string {
  return showSecrets ? (value) => value : (value) => maskHeaderValue(name, value)
}

function requestChanges(record: ExchangeRecord, showSecrets: boolean): HeaderChange[] {
  const { client, upstream } = record.request
  if (upstream === undefined) return []
  const targetHost = toHost(record.upstreamUrl)
  const connectionOptions = toOptions(findHeader(client, 'connection'))
  const chunked = findHeader(upstream, 'transfer-encoding') !== undefined
  return compare('request', client, upstream, (name, before, after) => [
    explainRequestChange(name, before, after, {
      targetHost,
      connectionOptions,
      chunked,
      show: toShow(name, showSecrets),
    }),
  ])
}

function responseChanges(record: ExchangeRecord, showSecrets: boolean): HeaderChange[] {
  const { upstream, client } = record.response
  if (upstream === undefined || client === undefined) return []
  const context = {
    devHost: toHostname(record.devOrigin) ?? 'the dev server',
    cors: record.cors,
    mock: record.mock !== undefined,
    chunked: findHeader(upstream, 'transfer-encoding') !== undefined,
    connectionOptions: toOptions(findHeader(upstream, 'connection')),
  }
  const cookies = compareSetCookies(upstream, client, context.devHost)
  const others = compare('response', upstream, client, (name, before, after) =>
    name === 'set-cookie'
      ? []
      : [explainResponseChange(name, before, after, { ...context, show: toShow(name, showSecrets) })],
  )
  return [...others, ...cookies]
}

type Explain = (
  name: string,
  before: string | undefined,
  after: string | undefined,
) => { rule: HeaderChange['rule']; explanation: string }[]

/** A change for every name whose (joined) values differ between `before` and `after`, in order. */
function compare(
  direction: ChangeDirection,
  before: HeaderList,
  after: HeaderList,
  explain: Explain,
): HeaderChange[] {
  const from = groupHeaders(before)
  const to = groupHeaders(after)
  const changes: HeaderChange[] = []
  for (const name of new Set([...from.keys(), ...to.keys()])) {
    const was = from.get(name)?.join(', ')
    const is = to.get(name)?.join(', ')
    if (was === is) continue
    const kind = was === undefined ? 'added' : is === undefined ? 'removed' : 'changed'
    for (const { rule, explanation } of explain(name, was, is))
      changes.push({ direction, name, kind, rule, before: was, after: is, explanation })
  }
  return changes
}

/**
 * `Set-Cookie` pairs, attribute by attribute, when both sides have as many (the rewrite keeps count
 * and order); otherwise the route's `responseHeaders` replaced or removed them, told as one change.
 */
function compareSetCookies(upstream: HeaderList, client: HeaderList, devHost: string): HeaderChange[] {
  const before = groupHeaders(upstream).get('set-cookie') ?? []
  const after = groupHeaders(client).get('set-cookie') ?? []
  if (before.length !== after.length) {
    return compare('response', onlyCookies(upstream), onlyCookies(client), (_name, was, is) => [
      {
        rule: 'route-response-headers',
        explanation: `Set-Cookie ${is === undefined ? "removed by the route's responseHeaders (null)" : "set by the route's responseHeaders"}`,
      },
    ])
  }
  return before.flatMap((was, index) => {
    const is = after[index] ?? was
    return explainSetCookie(was, is, devHost).map((explanation) => ({
      direction: 'response' as const,
      name: 'set-cookie',
      kind: 'changed' as const,
      rule: 'set-cookie' as const,
      before: was,
      after: is,
      explanation,
    }))
  })
}

function onlyCookies(list: HeaderList): HeaderList {
  return list.filter((entry) => entry.name === 'set-cookie')
}

function toOptions(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '')
}

function toHost(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).host
  } catch {
    return undefined
  }
}

function toHostname(origin: string | undefined): string | undefined {
  try {
    return origin === undefined ? undefined : new URL(origin).hostname
  } catch {
    return undefined
  }
}
