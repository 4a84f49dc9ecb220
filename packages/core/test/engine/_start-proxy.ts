import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { listen } from '@sameorigin/test-utils'
import { onTestFinished } from 'vitest'
import { isResolvedConfig, resolveConfig } from '../../src/config/resolve-config.ts'
import type { CreateProxyOptions, ProxyEngine } from '../../src/engine/create-proxy.ts'
import { createProxy } from '../../src/engine/create-proxy.ts'
import type { Logger, ResolvedConfig, UserConfig } from '../../src/types.ts'

/** Log lines by level, as the engine wrote them. */
export interface CapturedLogs extends Logger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string }[]
  readonly warnings: () => string[]
}

export function captureLogs(): CapturedLogs {
  const lines: CapturedLogs['lines'] = []
  const push = (level: 'info' | 'warn' | 'error') => (message?: unknown) => {
    lines.push({ level, message: String(message) })
  }
  return {
    lines,
    warnings: () => lines.filter((line) => line.level === 'warn').map((line) => line.message),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  }
}

/** What a test gets from {@link startProxy}. */
export interface TestProxy {
  /** `http://127.0.0.1:<port>` of the dev server with the engine mounted. */
  readonly url: string
  readonly port: number
  readonly engine: ProxyEngine
  readonly logs: CapturedLogs
  /** Requests the engine handed to `next()`: the host answered them with `200 host` and `x-host: 1`. */
  readonly hostRequests: IncomingMessage[]
  /** Upgrade paths the engine left to the host (which answered them 404). */
  readonly hostUpgrades: string[]
}

/**
 * A dev server on 127.0.0.1:0 with the engine mounted like an adapter does: the middleware first, the
 * host's own handler after `next()`, and `upgrade` before the host's. Closed after the test.
 */
export async function startProxy(
  config: UserConfig | ResolvedConfig,
  options: CreateProxyOptions & { env?: Record<string, string | undefined> } = {},
): Promise<TestProxy> {
  const logs = captureLogs()
  const resolved = isResolvedConfig(config) ? config : resolveConfig(config, { env: options.env ?? {} })
  const engine = createProxy(resolved, { logger: logs, env: {}, ...options })
  const hostRequests: IncomingMessage[] = []
  const hostUpgrades: string[] = []
  const server = createServer((req, res) =>
    engine.middleware(req, res, () => {
      hostRequests.push(req)
      res.setHeader('x-host', '1')
      res.end(`host ${req.url} ${req.headers.host}`)
    }),
  )
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    if (engine.upgrade(req, socket, head)) return
    hostUpgrades.push(req.url ?? '')
    socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
  })
  const listening = await listen(server)
  onTestFinished(async () => {
    await listening.close()
    await engine.close()
  })
  return { url: listening.url, port: listening.port, engine, logs, hostRequests, hostUpgrades }
}

/** Waits until `check` holds, polling every 10 ms; throws after `ms` (a generous bound, not a timing assertion). */
export async function eventually(check: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export { upstreamForTest } from '@sameorigin/test-utils'
