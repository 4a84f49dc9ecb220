import { isToken } from '../rules/is-token.ts'
import { getHeader } from './get-header.ts'
import type { HeaderList } from './types.ts'

/**
 * The Fetch standard's "extracting header list values" for the comma-separated lists of tokens CORS
 * uses (`Access-Control-Allow-Methods`, `-Allow-Headers`, `-Expose-Headers`): `null` when the header is
 * absent, `'failure'` when an item is not a token (`PUT;` makes browsers drop the whole preflight),
 * else the items. Empty items are skipped, as the list syntax allows (`PUT,` is `PUT`).
 * @see https://fetch.spec.whatwg.org/#extract-header-list-values
 */
export function extractHeaderListValues(list: HeaderList, name: string): string[] | null | 'failure' {
  const value = getHeader(list, name)
  if (value === null) return null
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
  return items.every(isToken) ? items : 'failure'
}
