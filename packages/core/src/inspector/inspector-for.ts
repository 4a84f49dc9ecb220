import type { Pipeline } from '../pipeline/types.ts'
import { createInspector } from './create-inspector.ts'
import type { Inspector, InspectorHooks } from './create-inspector.ts'

/** Where a proxy keeps its inspector: made at the first request that needs one, kept across reloads. */
export interface InspectorSlot {
  inspector: Inspector | undefined
  readonly hooks: InspectorHooks
}

/**
 * The proxy's inspector when `pipeline` has it on, or `undefined` (off, or turned off by a reload:
 * nothing is recorded or served then). One per proxy, whatever the reloads.
 */
export function inspectorFor(slot: InspectorSlot, pipeline: Pipeline): Inspector | undefined {
  if (pipeline.inspector === undefined) return undefined
  slot.inspector ??= createInspector(pipeline, slot.hooks)
  return slot.inspector
}
