// The public API of @sameorigin/core, listed by name. The pure parts are also published on their
// own: `@sameorigin/core/rules` (routes, matching, validation) and `@sameorigin/core/rewrite`
// (header, cookie and redirect rewriting), neither of which imports node:http.

// config
export { DEFAULTS } from './rules/defaults.ts'
export { defineConfig, defineRoute } from './config/define-config.ts'
export { CONFIG_FILE_NAMES, findConfigFile } from './config/find-config-file.ts'
export { loadConfig } from './config/load-config.ts'
export type { ConfigEnv, LoadConfigOptions, UserConfigExport } from './config/load-config.ts'
export { loadEnv } from './config/load-env.ts'
export type { LoadedEnv } from './config/load-env.ts'
export { mergeConfig } from './config/merge-config.ts'
export { resolveConfig } from './config/resolve-config.ts'
export type { ResolveConfigOptions } from './config/resolve-config.ts'

// rules
export { findRouteOverlaps } from './rules/find-route-overlaps.ts'
export type { ProxyKey, RouteOverlap } from './rules/find-route-overlaps.ts'
export { formatIssues } from './rules/format-issues.ts'
export { matchRequest } from './rules/match-request.ts'
export { normalizePath } from './rules/normalize-path.ts'

// engine and server
export { createProxy } from './engine/create-proxy.ts'
export type { CreateProxyOptions, ProxyEngine, ProxyMiddleware } from './engine/create-proxy.ts'
export type { CorsOptions } from './pipeline/resolve-cors.ts'
export { formatRouteTable } from './logging/format-route-table.ts'
export { createProxyServer } from './server/create-proxy-server.ts'
export type {
  CreateProxyServerOptions,
  ProxyHttpServer,
  UpdatableProxyServer,
} from './server/create-proxy-server.ts'
export { listen } from './server/listen.ts'
export { refuseConnect } from './server/refuse-connect.ts'
export type { ListeningServer, ListenOptions } from './server/listen.ts'

// errors and logging
export { ERROR_CODES, toDocsPath, toExplainCommand } from './errors/codes.ts'
export { findErrorPage, isErrorCode, readErrorPage } from './errors/read-error-page.ts'
export type { ErrorCode, ErrorCodeInfo } from './errors/codes.ts'
export { createError, isProxyError, ProxyError } from './errors/proxy-error.ts'
export type { ProxyErrorOptions } from './errors/proxy-error.ts'
export { toHttpStatus } from './errors/to-http-status.ts'
export { createDebug } from './logging/debug.ts'
export type { DebugFn, DebugNamespace } from './logging/debug.ts'
export { createLogger } from './logging/logger.ts'
export { formatOverlapWarning, printStartup } from './logging/print-startup.ts'
export type { StartupReport } from './logging/print-startup.ts'
export type { CreateLoggerOptions, LevelLogger } from './logging/logger.ts'

// host adapters
export { loadHostConfig } from './host/load-host-config.ts'
export { createServerProxy, serverFetch } from './host/create-server-proxy.ts'
export { startHostProxy } from './host/start-host-proxy.ts'
export type { HostProxy, StartHostProxyOptions } from './host/start-host-proxy.ts'
export type { ServerProxy, ServerProxyOptions } from './host/create-server-proxy.ts'
export type { ServerFetch, ServerFetchInit } from './fetch/create-server-fetch.ts'
export { refuseConnectOn } from './host/refuse-connect-on.ts'
export { watchConfig } from './host/watch-config.ts'
export type { ConfigWatcher, WatchConfigOptions } from './host/watch-config.ts'
export { watchConfigFiles } from './host/watch-config-files.ts'
export type { FileWatcher } from './host/watch-config-files.ts'
export { toConfigFiles } from './host/to-config-files.ts'
export type { ConnectEventTarget } from './host/refuse-connect-on.ts'
export type { LoadHostConfigOptions } from './host/load-host-config.ts'
export type { SameOriginOptions } from './host/same-origin-options.ts'
export { toPathFilterMatcher } from './host/to-path-filter-matcher.ts'
export { toViteKeyMatcher, toViteProxyKeys } from './host/to-vite-proxy-keys.ts'
export type { PathFilter, PathFilterMatcher } from './host/to-path-filter-matcher.ts'
export { toHostLogger } from './host/to-host-logger.ts'
export { followReportClient } from './host/follow-report-client.ts'
export { toLocalUrl } from './host/to-local-url.ts'
export type { FollowReportClientOptions } from './host/follow-report-client.ts'
// Mock folders: where a request's recorded answer lives, for tools that read or write them.
export { toMockKey } from './pipeline/mock/to-mock-key.ts'
export type { MockKey } from './pipeline/mock/to-mock-key.ts'
export { toMockFileNames, toRecordFileName } from './pipeline/mock/mock-file-names.ts'
export { MOCK_HEADER } from './pipeline/mock/plan-mock-answer.ts'
export type { HostLogLevel, HostLogLine, ToHostLoggerOptions } from './host/to-host-logger.ts'

// The report of blocked calls (dev only): the page's client script and the dev server's handler.
export {
  createReportHandler,
  diagnoseBlockedCall,
  formatBlockedCall,
  MAX_REPORT_BYTES,
  parseBlockedCall,
  readReportClient,
  REPORT_PATH,
  reportClientFile,
  toBlockedCallKey,
  toDoctorCommand,
  toRequestShape,
} from './report/index.ts'
export type {
  BlockedCall,
  BlockedCallDiagnosis,
  BlockedCallKind,
  Diagnose,
  DiagnoseBlockedCallOptions,
  ParsedBlockedCall,
  ReportHandler,
  ReportHandlerOptions,
} from './report/index.ts'

// inspector: the exchange log and what is served from it (pure: any transport, a Worker's included)
export {
  createExchangeLog,
  explainChanges,
  filterExchanges,
  MASK,
  maskChange,
  maskExchange,
  maskHeaderValue,
  maskQuery,
  SECRET_HEADER_NAME,
  SECRET_QUERY_NAME,
  STATUS_CLASSES,
  toCurl,
  toHar,
  toHeaderList,
  toStatusClass,
} from './inspect/index.ts'
export type {
  BlockedCallEntry,
  BlockedStart,
  CapturedBody,
  ChangeDirection,
  ChangeKind,
  ChangeRule,
  ExchangeEnd,
  ExchangeEvent,
  ExchangeFailure,
  ExchangeFilter,
  ExchangeLog,
  ExchangeLogOptions,
  ExchangeRecord,
  ExchangeStart,
  ExchangeState,
  ExchangeTimings,
  ExchangeUpdate,
  ExplainChangesOptions,
  HeaderChange,
  HeaderEntry,
  HeaderList,
  StatusClass,
  ToCurlOptions,
  ToHarOptions,
} from './inspect/index.ts'

// the inspector page and its API under /__sameorigin/ (a Fetch handler, no node: module), and the
// Node reader of the page's shipped files
export { createInspectorHandler, INSPECTOR_ASSETS, INSPECTOR_BASE_PATH } from './inspector/index.ts'
export { REPORT_CLIENT_PATH } from './inspector/paths.ts'
export { createInspector } from './inspector/create-inspector.ts'
export type { Inspector, InspectorHooks } from './inspector/create-inspector.ts'
export { traceExchange, CLIENT_LEFT } from './inspector/trace-exchange.ts'
export type { ExchangeTrace, TracedHead } from './inspector/trace-exchange.ts'
export type { InspectorHandler, InspectorHandlerOptions } from './inspector/index.ts'
export { readInspectorAsset } from './inspector/read-inspector-asset.ts'

export type {
  CertificateInput,
  ConfigIssue,
  HeadersFunction,
  HeadersRequest,
  Logger,
  LogLevel,
  Match,
  MockHandler,
  MockMode,
  MockOptions,
  RequestInfo,
  InspectorOptions,
  ResolvedConfig,
  ResolvedInspector,
  ResolvedMock,
  ResolvedRoute,
  ResolvedTarget,
  RewriteContext,
  RewriteFunction,
  RouteEntry,
  RouteKind,
  RouteOptions,
  RouteParams,
  RoutesInput,
  UserConfig,
} from './types.ts'
