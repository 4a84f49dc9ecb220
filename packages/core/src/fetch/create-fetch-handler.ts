import type { PipelineHooks } from '../pipeline/create-pipeline.ts'
import { createPipeline } from '../pipeline/create-pipeline.ts'
import { assertNoMockFiles } from '../pipeline/mock/assert-no-mock-files.ts'
import type { InspectorHooks } from '../inspector/create-inspector.ts'
import { holdInspectorSlot } from '../inspector/share-inspector-slot.ts'
import type { MockIO } from '../pipeline/mock/types.ts'
import type { ResolvedConfig, UserConfig } from '../types.ts'
import type { FetchState } from './fetch-state.ts'
import { handleFetch } from './handle-fetch.ts'
import type { FetchProxy, FetchProxyOptions, UpstreamClient } from './types.ts'

/** What an entry of the Fetch transport supplies: its default client and what it can read. */
export interface FetchDefaults extends PipelineHooks {
  /** The client used when the options give none. */
  readonly createClient: (options: FetchProxyOptions) => UpstreamClient
  /** Mock folders and handler modules, where the entry can read files (the `node` one). */
  readonly mockIO?: MockIO
  /** What the inspector can read where the entry runs (on Node: its page, the doctor, the report client). */
  readonly inspector?: InspectorHooks
}

/**
 * `createFetchProxy` with an entry's defaults (the runtime's `fetch`, or the Node client and error
 * pages read from disk). The config is validated here: a bad one throws before any request.
 */
export function createFetchHandler(
  config: UserConfig | ResolvedConfig,
  options: FetchProxyOptions,
  defaults: FetchDefaults,
): FetchProxy {
  const hooks = { explain: defaults.explain }
  const { mockIO } = defaults
  const pipeline = createPipeline(config, options, 'createFetchProxy', hooks)
  if (mockIO === undefined) assertNoMockFiles(pipeline.config)
  const client = options.client ?? defaults.createClient(options)
  const inspection = holdInspectorSlot(options.shareInspector, defaults.inspector ?? {})
  const state: FetchState = {
    pipeline,
    client,
    mockIO,
    inFlight: new Set(),
    inspection: inspection.slot,
    closed: false,
  }
  const reason = Object.assign(new Error('The proxy was closed.'), { code: 'ECONNABORTED' })
  const proxy = (request: Request, info?: Parameters<FetchProxy>[1]) => handleFetch(state, request, info)
  return Object.assign(proxy, {
    update: (next: UserConfig | ResolvedConfig) => {
      const updated = createPipeline(next, options, 'update', hooks)
      if (mockIO === undefined) assertNoMockFiles(updated.config)
      state.pipeline = updated
    },
    close: async () => {
      state.closed = true
      for (const controller of state.inFlight) controller.abort(reason)
      await Promise.all([client.close(), inspection.release()])
    },
  })
}
