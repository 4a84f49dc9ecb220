import { onTestFinished } from 'vitest'
import type { Upstream, UpstreamOptions } from './start-upstream.ts'
import { startUpstream } from './start-upstream.ts'

/** {@link startUpstream}, closed when the current test finishes. */
export async function upstreamForTest(options?: UpstreamOptions): Promise<Upstream> {
  const upstream = await startUpstream(options)
  onTestFinished(() => upstream.close())
  return upstream
}

/**
 * The text of a `sameorigin.config.*` module exporting these routes (JSON values only), for tests
 * that write a config file and edit it.
 * @example writeFileSync(file, toConfigModule({ '/api': upstream.url }))
 */
export function toConfigModule(routes: Readonly<Record<string, unknown>>): string {
  return `export default { routes: ${JSON.stringify(routes)} }\n`
}
