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
  { name: 'wds6-native' },
  { name: 'next-rewrites' },
  // Later issues add: sameorigin-webpack (peer wds5-native), sameorigin-rsbuild, sameorigin-next-route
  // (peer next-rewrites), each as a src/<name>.mjs module.
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
}

const QUICK = {
  small: { connections: 50, warmupSeconds: 0.5, seconds: 1 },
  large: { connections: 10, warmupSeconds: 0.5, seconds: 1 },
  tls: { connections: 20, warmupSeconds: 0.5, seconds: 1 },
  sse: { samples: 10, timeoutMs: 1000 },
  upload: { mebibytes: 32, stallTimeoutMs: 10_000 },
  sequential: { requests: 1000 },
  startup: { runs: 3 },
}

/**
 * The scenario settings of a mode.
 * @param {boolean} quick
 */
export function scenarioSettings(quick) {
  return quick ? QUICK : FULL
}
