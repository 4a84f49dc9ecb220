import type { HeaderList } from './types.ts'

/**
 * Every value of header `name` (case-insensitive), in order: two `Access-Control-Allow-Origin`
 * headers are two entries here.
 */
export function getHeaderValues(list: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase()
  return list.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value)
}

/**
 * The Fetch standard's "get": every value of `name` joined with `, `, or `null` when the header is
 * absent. Two `Access-Control-Allow-Origin` headers therefore read as one value with a comma, which is
 * why browsers report them as "multiple values".
 * @see https://fetch.spec.whatwg.org/#concept-header-list-get
 */
export function getHeader(list: HeaderList, name: string): string | null {
  const values = getHeaderValues(list, name)
  return values.length === 0 ? null : values.join(', ')
}
