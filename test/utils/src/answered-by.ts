import type { Agent } from 'node:http'
import { request } from './request.ts'
import type { Upstream } from './start-upstream.ts'

/** Options for {@link answeredBy}. */
export interface AnsweredByOptions {
  /** The path asked for through the proxy. @default '/api/x' */
  readonly path?: string
  /** Reuse connections through this agent. @default a fresh connection */
  readonly agent?: Agent
}

/**
 * Whether a GET of `path` through the proxy at `origin` is answered 200 by `upstream`, and by it
 * alone: what a live-reload test asks after an edit ("the next request goes to the new target").
 * @example await vi.waitFor(async () => expect(await answeredBy(server.url, b)).toBe(true))
 */
export async function answeredBy(
  origin: string,
  upstream: Upstream,
  options: AnsweredByOptions = {},
): Promise<boolean> {
  const before = upstream.requests.length
  const agent = options.agent === undefined ? {} : { agent: options.agent }
  const response = await request(`${origin}${options.path ?? '/api/x'}`, agent)
  return response.status === 200 && upstream.requests.length === before + 1
}
