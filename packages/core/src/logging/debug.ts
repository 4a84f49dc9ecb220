import process from 'node:process'
import { formatWithOptions } from 'node:util'

/** The namespaces sameorigin writes debug output under (`DEBUG=sameorigin:*`). */
export type DebugNamespace = `sameorigin:${string}`

/** A debug printer, or `undefined` when its namespace is off, so call sites cost nothing: `debug?.(…)`. */
export type DebugFn = (format: string, ...args: unknown[]) => void

/** Whether `DEBUG` (comma or space separated, `*` wildcards, `-` exclusions) enables `namespace`. */
export function isDebugEnabled(namespace: string, setting: string | undefined = process.env.DEBUG): boolean {
  if (!setting) return false
  let enabled = false
  for (const part of setting.split(/[\s,]+/)) {
    if (!part) continue
    const negate = part.startsWith('-')
    const glob = negate ? part.slice(1) : part
    const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    if (re.test(namespace)) enabled = !negate
  }
  return enabled
}

/** Creates a printer for `namespace` that writes to stderr, or `undefined` when it is disabled. */
export function createDebug(namespace: DebugNamespace): DebugFn | undefined {
  if (!isDebugEnabled(namespace)) return undefined
  return (format, ...args) => {
    process.stderr.write(`${namespace} ${formatWithOptions({ colors: false }, format, ...args)}\n`)
  }
}
