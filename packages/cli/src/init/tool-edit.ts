import type { KeptEntry, MovedEntry } from './move-entries.ts'
import type { FileChange } from './plan-init.ts'
import type { RouteHandlerPlan } from './plan-route-handler.ts'
import type { SameoriginConfigFile } from './sameorigin-config-file.ts'

/** What init does to one tool's config, before the dependencies and the next steps. */
export interface ToolEdit {
  /** The tool config file, relative to the project. */
  readonly configName: string
  /** The tool config, the sameorigin config, and any other file the tool needs. */
  readonly files: readonly FileChange[]
  readonly moved: readonly MovedEntry[]
  readonly kept: readonly KeptEntry[]
  /** Entries that can move but were not asked to (`move: false`). */
  readonly movable: number
  /** sameorigin was already wired in the tool config. */
  readonly alreadySetUp: boolean
  /** The sameorigin config the routes went into. */
  readonly sameorigin: SameoriginConfigFile
  /** Next only: route mode and its files. */
  readonly routeHandler?: RouteHandlerPlan
}
