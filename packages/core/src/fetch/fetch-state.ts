import type { InspectorSlot } from '../inspector/inspector-for.ts'
import type { MockIO } from '../pipeline/mock/types.ts'
import type { Pipeline } from '../pipeline/types.ts'
import type { UpstreamClient } from './types.ts'

/** What one Fetch proxy owns; shared by every request it handles. Internal. */
export interface FetchState {
  /**
   * What a request starting now is decided with; `update` replaces it. A request keeps the one it
   * started with (`ForwardRequest.pipeline`).
   */
  pipeline: Pipeline
  readonly client: UpstreamClient
  /** Mock folders and handler modules: the `node` entry's; the runtime entry has none. */
  readonly mockIO: MockIO | undefined
  /** The abort controllers of the exchanges in flight, aborted by `close()`. */
  readonly inFlight: Set<AbortController>
  /** The inspector, once a request needed it (the `inspector` option on, and not off in the config). */
  readonly inspection: InspectorSlot
  closed: boolean
}
