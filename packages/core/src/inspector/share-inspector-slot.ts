import type { InspectorHooks } from './create-inspector.ts'
import type { InspectorSlot } from './inspector-for.ts'

/** A proxy's hold on its inspector slot: the slot, and how to let go of it when the proxy closes. */
export interface InspectorHold {
  readonly slot: InspectorSlot
  /** Closes the inspector once no proxy holds it any more. */
  readonly release: () => Promise<void>
}

interface SharedSlot {
  readonly slot: InspectorSlot
  holders: number
}

// On `globalThis`, so two copies of the core in one process (a dev server's plugin, and a
// framework's server code loaded through another module graph) still find each other.
const REGISTRY = Symbol.for('sameorigin.inspector-slots')
type Registry = Map<string, SharedSlot>

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry }
  holder[REGISTRY] ??= new Map()
  return holder[REGISTRY]
}

/**
 * The inspector slot of a proxy. Without `key`, its own. With one, the slot every proxy of this
 * process given the same key holds (a dev server's plugin and a framework's server code on the same
 * project root): one log and one page, so the page shows the exchanges of server-side fetches beside
 * the browser's. The inspector closes when the last holder releases it.
 */
export function holdInspectorSlot(key: string | undefined, hooks: InspectorHooks): InspectorHold {
  if (key === undefined) {
    const slot: InspectorSlot = { inspector: undefined, hooks }
    return { slot, release: async () => slot.inspector?.close() }
  }
  const slots = registry()
  const shared = slots.get(key) ?? { slot: { inspector: undefined, hooks }, holders: 0 }
  shared.holders += 1
  slots.set(key, shared)
  let released = false
  return {
    slot: shared.slot,
    release: async () => {
      if (released) return
      released = true
      shared.holders -= 1
      if (shared.holders > 0) return
      if (slots.get(key) === shared) slots.delete(key)
      await shared.slot.inspector?.close()
    },
  }
}
