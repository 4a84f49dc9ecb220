import type { Pipeline } from '../pipeline/types.ts'
import type { UpstreamClient } from './types.ts'

/** What one Fetch proxy owns; shared by every request it handles. Internal. */
export interface FetchState {
  readonly pipeline: Pipeline
  readonly client: UpstreamClient
  /** The abort controllers of the exchanges in flight, aborted by `close()`. */
  readonly inFlight: Set<AbortController>
  closed: boolean
}
