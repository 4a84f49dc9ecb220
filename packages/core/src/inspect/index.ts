// The inspector's data layer: pure (no node: module), so every transport, a Worker's included, can
// record exchanges and serve them.
export { createBodyCapture, DEFAULT_BODY_LIMIT } from './create-body-capture.ts'
export type { BodyCapture } from './create-body-capture.ts'
export { createExchangeLog } from './create-exchange-log.ts'
export type {
  BlockedStart,
  ExchangeEnd,
  ExchangeEvent,
  ExchangeLog,
  ExchangeLogOptions,
  ExchangeStart,
  ExchangeUpdate,
} from './create-exchange-log.ts'
export { explainChanges } from './explain-changes.ts'
export type { ExplainChangesOptions } from './explain-changes.ts'
export { filterExchanges, STATUS_CLASSES, toSearchText, toStatusClass } from './filter-exchanges.ts'
export type { ExchangeFilter, StatusClass } from './filter-exchanges.ts'
export { maskChange, maskExchange } from './mask-exchange.ts'
export { MASK, maskHeaderValue, maskQuery, SECRET_HEADER_NAME, SECRET_QUERY_NAME } from './mask-value.ts'
export { quoteShell } from './quote-shell.ts'
export { toCurl } from './to-curl.ts'
export type { ToCurlOptions } from './to-curl.ts'
export { toHar } from './to-har.ts'
export type { ToHarOptions } from './to-har.ts'
export { toHeaderList } from './to-header-list.ts'
export type {
  BlockedCallEntry,
  CapturedBody,
  ChangeDirection,
  ChangeKind,
  ChangeRule,
  ExchangeFailure,
  ExchangeRecord,
  ExchangeState,
  ExchangeTimings,
  HeaderChange,
  HeaderEntry,
  HeaderList,
} from './types.ts'
