import type { HeaderList } from './types.ts'

/** A header list's values by name, in order (repeated fields as several values). Internal. */
export function groupHeaders(list: HeaderList | undefined): Map<string, string[]> {
  const grouped = new Map<string, string[]>()
  for (const { name, value } of list ?? []) {
    const values = grouped.get(name)
    if (values === undefined) grouped.set(name, [value])
    else values.push(value)
  }
  return grouped
}

/** The value of `name` in `list`, repeated values joined with `, `; `undefined` when absent. */
export function findHeader(list: HeaderList | undefined, name: string): string | undefined {
  const values = list?.filter((entry) => entry.name === name).map((entry) => entry.value)
  return values === undefined || values.length === 0 ? undefined : values.join(', ')
}
