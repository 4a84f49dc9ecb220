import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { HeaderEntry, HeaderList } from './types.ts'

/**
 * A header record (what the pipeline and the rewriters pass around) as a list: one entry per value,
 * names lower-cased, `undefined` values and HTTP/2 pseudo-headers (`:path`) left out.
 * @example toHeaderList({ host: 'localhost:5173', 'set-cookie': ['a=1', 'b=2'] })
 * // → [{ name: 'host', value: 'localhost:5173' }, { name: 'set-cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2' }]
 */
export function toHeaderList(headers: ReadonlyHeaderRecord): HeaderList {
  const list: HeaderEntry[] = []
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined || key.startsWith(':')) continue
    const name = key.toLowerCase()
    if (typeof value === 'string') list.push({ name, value })
    else for (const item of value) list.push({ name, value: item })
  }
  return list
}
