/**
 * A value that exists only once a `beforeAll` hook has run, usable as if it were there already:
 * `const upstream = useUpstream()` at describe time, `upstream.url` inside tests. Reading it before
 * the hook ran (or after a failed start) throws a clear error instead of returning `undefined`.
 */
export function late<T extends object>(
  label: string,
): { readonly value: T; set: (value: T | undefined) => void } {
  let current: T | undefined
  const value = new Proxy({} as T, {
    get(_target, key) {
      if (current === undefined)
        throw new Error(`${label} is not running: its beforeAll hook failed or has not run`)
      const field: unknown = Reflect.get(current, key, current)
      return typeof field === 'function' ? field.bind(current) : field
    },
  })
  return {
    value,
    set: (next) => {
      current = next
    },
  }
}
