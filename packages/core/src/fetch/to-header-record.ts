import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'

/**
 * A Web `Headers` as the record the pipeline reads: lower-case names, repeated fields joined by the
 * `Headers` object (`a, b`), except `set-cookie`, kept as one entry per field (`getSetCookie()`).
 * @example toHeaderRecord(response.headers)['set-cookie'] // ['a=1; Path=/', 'b=2']
 */
export function toHeaderRecord(headers: Headers): ReadonlyHeaderRecord {
  const record: Record<string, string | string[]> = Object.create(null) as Record<string, string>
  for (const [name, value] of headers) if (name !== 'set-cookie') record[name] = value
  const cookies = headers.getSetCookie()
  if (cookies.length > 0) record['set-cookie'] = cookies
  return record
}
