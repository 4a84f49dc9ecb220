import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'

/**
 * A header record as a Web `Headers`: one `append` per value, so every `Set-Cookie` stays its own
 * field. Names in `skip` are left out.
 * @example toWebHeaders({ 'set-cookie': ['a=1', 'b=2'] }).getSetCookie() // ['a=1', 'b=2']
 */
export function toWebHeaders(record: ReadonlyHeaderRecord, skip?: ReadonlySet<string>): Headers {
  const headers = new Headers()
  for (const name in record) {
    const value = record[name]
    if (value === undefined || skip?.has(name) === true) continue
    if (typeof value === 'string') headers.append(name, value)
    else for (const one of value) headers.append(name, one)
  }
  return headers
}
