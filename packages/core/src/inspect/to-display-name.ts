/** A lower-case header name as people write it: `x-forwarded-for` → `X-Forwarded-For`. Internal. */
export function toDisplayName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())
}

/** A value shortened for a one-line explanation (the full value is in the change's `before`/`after`). */
export function toShortValue(value: string): string {
  return value.length <= 80 ? value : `${value.slice(0, 77)}...`
}
