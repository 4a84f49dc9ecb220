export { TEST_CA, TEST_CERT, TEST_KEY } from './certs.ts'
export type { SocketClient } from './connect-web-socket.ts'
export { connectWebSocket } from './connect-web-socket.ts'
export type { Listening } from './listen.ts'
export { findClosedLoopbackPort, findRefusingPort, hasIpv6Loopback, listen } from './listen.ts'
export type { ForwardProxy } from './start-forward-proxy.ts'
export { startForwardProxy } from './start-forward-proxy.ts'
export type { RecordedRequest, Upstream, UpstreamOptions } from './start-upstream.ts'
export { echo, startTlsUpstream, startUpstream } from './start-upstream.ts'
export type { RequestOptions, Response } from './request.ts'
export { request, sendRaw } from './request.ts'
export type { ReliabilityResults, ReliabilityRow, ReliabilitySuite } from './reliability-results.ts'
export {
  clearReliabilityRows,
  collectReliabilityRows,
  describeMachine,
  RELIABILITY_RESULTS_DIR,
  recordReliabilityRow,
  writeReliabilityResults,
} from './reliability-results.ts'
export { CHROMIUM_ARGS, findChromium } from './chromium.ts'
export type { Gate } from './create-gate.ts'
export { createGate } from './create-gate.ts'
export type { ParsedRequests, TapRequest } from './parse-http-requests.ts'
export { parseHttpRequests } from './parse-http-requests.ts'
export type { Tap, TapConnection, TapOptions } from './start-tap.ts'
export { startTap } from './start-tap.ts'
export type { Http2Answer, Http2Send } from './exchange-http2.ts'
export { exchangeHttp2, openHttp2 } from './exchange-http2.ts'
export { serveFetch } from './serve-fetch.ts'
export type { ServedFetch, ServeFetchOptions } from './serve-fetch.ts'
export { startSilentServer } from './start-silent-server.ts'
export { answeredBy } from './answered-by.ts'
export { toConfigModule, upstreamForTest } from './upstream-for-test.ts'
export { findNode24 } from './find-node24.ts'
export { selectHostGroup } from './select-host-group.mjs'
export { stopChild } from './stop-child.ts'
export type { AnsweredByOptions } from './answered-by.ts'
export { countFileWatches, countResources } from './count-file-watches.ts'
export type { FileWatchCount, ResourceCount } from './count-file-watches.ts'
export { isWatched } from './is-watched.ts'
export { harValidator } from './har-validator.ts'
export type {
  RunningStorybook,
  StorybookCommandOptions,
  StorybookProject,
  StorybookProjectOptions,
  StorybookSetup,
} from './storybook.ts'
export {
  createStorybookProject,
  startStorybook,
  STORYBOOK_PORT_PATTERN,
  STORYBOOKS,
  toPlainText,
  toStorybookCommand,
} from './storybook.ts'
export { toSource } from './to-source.ts'
export type { AngularProject, RunningAngular, StartAngularOptions } from './angular.ts'
export { ANGULAR_EXAMPLE, createAngularProject, spawnAngular, startAngular } from './angular.ts'
export type { NginxFiles, StartedNginx, StartNginxOptions } from './start-nginx.ts'
export { HAS_NGINX, NGINX_PATH, startNginx } from './start-nginx.ts'
export type { CaddyFile, RunningCaddy } from './start-caddy.ts'
export { caddyMissing, startCaddy } from './start-caddy.ts'
