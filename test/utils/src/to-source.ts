/**
 * A value as JavaScript source, for a config module a child process loads (`export default …`):
 * JSON, except RegExp values (`/^\/v\d+\//`) and functions (their source text: such a function must
 * then use nothing from its scope).
 * @example writeFile('sameorigin.config.mjs', `export default ${toSource({ routes })}\n`)
 */
export function toSource(value: unknown): string {
  if (typeof value === 'function') return `(${String(value)})`
  if (value instanceof RegExp)
    return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item)}`)
      .join(', ')} }`
  return JSON.stringify(value) ?? 'undefined'
}
