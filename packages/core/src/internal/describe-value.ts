/** A short description of a wrong value for messages: `the string '5000'`, `-1`, `a function`. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (value instanceof RegExp) return `the RegExp ${String(value)}`
  if (typeof value === 'string') return `the string '${value}'`
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') return 'an object'
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : `${typeof value} ${String(value)}`
}
