import { quote } from './quote.ts'

/** A key as it is written in a config path: `routes['/api']` (quotes and backslashes escaped). */
export function formatKey(key: string): string {
  return `[${quote(key)}]`
}
