import { createError } from '../../errors/proxy-error.ts'
import type { ResolvedConfig } from '../../types.ts'

/**
 * Throws `ERR_MOCK_UNSUPPORTED` when a route's mock needs files (a `dir`, or a handler given as a
 * module path) and the transport cannot read any: the Fetch transport's runtime entry (a Worker,
 * Deno, Bun). Checked when the proxy is created and on every `update`, so the config is refused at
 * once rather than at the first request. Inline handler functions are fine.
 */
export function assertNoMockFiles(config: ResolvedConfig): void {
  for (const route of config.routes) {
    const { mock } = route
    if (mock === undefined) continue
    const key = mock.dir !== undefined ? 'dir' : mock.handlerModule !== undefined ? 'handler' : undefined
    if (key === undefined) continue
    throw createError('ERR_MOCK_UNSUPPORTED', {
      message: `${route.configPath}.mock.${key} needs files, which this transport cannot read: the runtime entry of @sameorigin/core/fetch has no file system.`,
      hint: 'Give the mock an inline handler function and no `dir` (handler: (request) => Response | undefined), or run on Node, where the `node` condition of @sameorigin/core/fetch reads mock folders.',
    })
  }
}
