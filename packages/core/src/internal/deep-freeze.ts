/**
 * Freezes `value` and every object, array and RegExp reachable from it through own properties.
 * Functions and typed arrays are left alone: freezing a caller's function would change the caller's
 * object, and typed arrays cannot be frozen (the resolved config holds its own copies of those).
 */
export function deepFreeze<T>(value: T): T {
  freeze(value, new WeakSet())
  return value
}

function freeze(value: unknown, seen: WeakSet<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return
  seen.add(value)
  Object.freeze(value)
  for (const key of Reflect.ownKeys(value)) freeze((value as Record<PropertyKey, unknown>)[key], seen)
}
