/**
 * A value as JavaScript source for the options module: JSON, except RegExp (route paths such as
 * `/^\/v\d+\//`), which keep their source and flags. A function cannot travel into a built server:
 * `onFunction` receives its key path (`routes./api.headers`) and decides.
 */
export function toModuleSource(value: unknown, onFunction: (path: string) => void, path = ''): string {
  if (typeof value === 'function') {
    onFunction(path)
    return 'undefined'
  }
  if (value instanceof RegExp)
    return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`
  if (Array.isArray(value))
    return `[${value.map((item, index) => toModuleSource(item, onFunction, `${path}[${index}]`)).join(', ')}]`
  if (value instanceof URL) return JSON.stringify(value.href)
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(
        ([key, item]) =>
          `${JSON.stringify(key)}: ${toModuleSource(item, onFunction, path === '' ? key : `${path}.${key}`)}`,
      )
      .join(', ')} }`
  return JSON.stringify(value) ?? 'undefined'
}
