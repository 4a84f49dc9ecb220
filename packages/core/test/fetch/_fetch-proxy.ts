import { onTestFinished } from 'vitest'
import { createFetchProxy } from '../../src/fetch/node/create-fetch-proxy.ts'
import { createNodeClient } from '../../src/fetch/node/create-node-client.ts'
import { createRuntimeClient } from '../../src/fetch/create-runtime-client.ts'
import type { FetchProxy, FetchProxyOptions, UpstreamClient } from '../../src/fetch/types.ts'
import type { ResolvedConfig, UserConfig } from '../../src/types.ts'
import type { CapturedLogs } from '../engine/_start-proxy.ts'
import { captureLogs } from '../engine/_start-proxy.ts'

/** The two clients every transport test runs with. */
export const CLIENTS: readonly { name: string; create: (env?: Record<string, string>) => UpstreamClient }[] =
  [
    { name: 'node client', create: (env = {}) => createNodeClient({ env }) },
    { name: 'runtime client', create: () => createRuntimeClient() },
  ]

export interface TestFetchProxy {
  readonly proxy: FetchProxy
  readonly logs: CapturedLogs
  /** A request to the dev origin `http://localhost:5173` (the proxy is called directly). */
  readonly send: (path: string, init?: RequestInit & { duplex?: 'half' }) => Promise<Response | undefined>
}

/** A Fetch proxy with captured logs, closed after the test. */
export function startFetchProxy(
  config: UserConfig | ResolvedConfig,
  client: UpstreamClient,
  options: Omit<FetchProxyOptions, 'client' | 'logger'> = {},
): TestFetchProxy {
  const logs = captureLogs()
  const proxy = createFetchProxy(config, { logger: logs, ...options, client })
  onTestFinished(() => proxy.close())
  const send = (path: string, init?: RequestInit & { duplex?: 'half' }) =>
    proxy(new Request(`http://localhost:5173${path}`, init), { clientAddress: '127.0.0.1' })
  return { proxy, logs, send }
}

/** The JSON error body's code. */
export async function errorCode(response: Response | undefined): Promise<string | undefined> {
  if (response === undefined) return undefined
  return ((await response.json()) as { error: { code: string } }).error.code
}

/** A body that yields `chunks` one by one, then ends (or errors, with `fail`). */
export function streamOf(chunks: readonly string[], fail?: Error): ReadableStream<Uint8Array> {
  const queue = chunks.map((chunk) => new TextEncoder().encode(chunk))
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift()
      if (next !== undefined) return controller.enqueue(next)
      if (fail !== undefined) controller.error(fail)
      else controller.close()
    },
  })
}
