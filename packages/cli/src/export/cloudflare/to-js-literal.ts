/** What the Worker's config is made of: JSON values plus RegExps (routes and header conditions). */
export type LiteralValue =
  | string
  | number
  | boolean
  | null
  | RegExp
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue | undefined }

/**
 * `value` as JavaScript source, indented by two spaces per level: JSON for plain values (keys always
 * quoted, `undefined` fields left out) and a RegExp literal for a RegExp, which JSON cannot carry.
 * The same value always gives the same text (the export's `--check` compares bytes).
 */
export function toJsLiteral(value: LiteralValue, indent = ''): string {
  if (value instanceof RegExp) return String(value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const items = (value as readonly LiteralValue[]).map((item) => `${inner}${toJsLiteral(item, inner)}`)
    return items.length === 0 ? '[]' : `[\n${items.join(',\n')},\n${indent}]`
  }
  const fields = Object.entries(value as Record<string, LiteralValue | undefined>).flatMap(([key, item]) =>
    item === undefined ? [] : [`${inner}${JSON.stringify(key)}: ${toJsLiteral(item, inner)}`],
  )
  return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')},\n${indent}}`
}
