// Every number the benchmark uses, in one place: the subjects, and each scenario's load in the full
// run and in `--quick` mode (seconds, for development; its numbers are not to be quoted).

/**
 * The subjects, in table order. `peer` is the native proxy of the same host that a sameorigin subject
 * is compared with; `direct` is the physical limit every subject is compared with.
 * @type {ReadonlyArray<{ name: string, peer?: string, ours?: boolean }>}
 */
export const SUBJECTS = Object.freeze([
  { name: 'direct' },
  { name: 'hpm4' },
  { name: 'sameorigin-core', peer: 'hpm4', ours: true },
  { name: 'vite-native' },
  { name: 'sameorigin-vite', peer: 'vite-native', ours: true },
  { name: 'wds5-native' },
  { name: 'sameorigin-webpack', peer: 'wds5-native', ours: true },
  { name: 'wds6-native' },
  { name: 'sameorigin-webpack6', peer: 'wds6-native', ours: true },
  { name: 'rsbuild-native' },
  { name: 'sameorigin-rsbuild', peer: 'rsbuild-native', ours: true },
  { name: 'next-rewrites' },
  { name: 'sameorigin-next-route', peer: 'next-rewrites', ours: true },
])

/**
 * Scenario 7's hosts: the dev server started without a proxy (its time is shown in the native
 * subject's column) and with the sameorigin plugin (in ours), by startup-process.mjs.
 * @type {ReadonlyArray<{ host: 'vite' | 'wds5' | 'wds6' | 'rsbuild', label: string, native: string, ours: string }>}
 */
export const STARTUP_HOSTS = Object.freeze([
  { host: 'vite', label: 'Vite', native: 'vite-native', ours: 'sameorigin-vite' },
  { host: 'wds5', label: 'webpack-dev-server 5', native: 'wds5-native', ours: 'sameorigin-webpack' },
  { host: 'wds6', label: 'webpack-dev-server 6', native: 'wds6-native', ours: 'sameorigin-webpack6' },
  { host: 'rsbuild', label: 'Rsbuild', native: 'rsbuild-native', ours: 'sameorigin-rsbuild' },
])

/** A browser's `Accept-Encoding` (Chromium 156): what makes compressing hosts hold event streams. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd'

/** Added by the TCP relay in front of the TLS upstream, each way (so 20 ms round trip). */
export const RELAY_DELAY_MS = 10

const FULL = {
  // 1. small JSON GET
  small: { connections: 50, warmupSeconds: 1, seconds: 6 },
  // 2. 1 MiB GET
  large: { connections: 10, warmupSeconds: 1, seconds: 4 },
  // 3. TLS upstream behind the latency relay
  tls: { connections: 20, warmupSeconds: 1, seconds: 5 },
  // 4. SSE first-event latency: samples, and how long one sample may wait for its first event
  sse: { samples: 50, timeoutMs: 2000 },
  // 5. streamed POST
  upload: { mebibytes: 500, stallTimeoutMs: 10_000 },
  // 6. sequential requests on one keep-alive client connection
  sequential: { requests: 1000 },
  // 7. dev-server start, alternating with and without the plugin
  startup: { runs: 10 },
  // 8. the inspector's memory: requests through sameorigin-core with it off and on (and without bodies,
  //    fewer: enough to fill the log), by concurrent clients
  inspectorMemory: { requests: 100_000, recordsRequests: 5_000, concurrency: 16 },
}

const QUICK = {
  small: { connections: 50, warmupSeconds: 0.5, seconds: 1 },
  large: { connections: 10, warmupSeconds: 0.5, seconds: 1 },
  tls: { connections: 20, warmupSeconds: 0.5, seconds: 1 },
  sse: { samples: 10, timeoutMs: 1000 },
  upload: { mebibytes: 32, stallTimeoutMs: 10_000 },
  sequential: { requests: 1000 },
  startup: { runs: 3 },
  inspectorMemory: { requests: 5_000, recordsRequests: 2_000, concurrency: 16 },
}

/**
 * The scenario settings of a mode.
 * @param {boolean} quick
 */
export function scenarioSettings(quick) {
  return quick ? QUICK : FULL
}
