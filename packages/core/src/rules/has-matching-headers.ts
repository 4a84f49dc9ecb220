import type { RequestInfo } from '../types.ts'

/**
 * True when `headers` satisfy every condition: a string must equal the value, a RegExp must match
 * it, `true` requires the header, `false` its absence. Names in `conditions` are lower-case, as in
 * Node's `IncomingMessage.headers`; a repeated header is tested as its values joined by `, `.
 */
export function hasMatchingHeaders(
  conditions: Readonly<Record<string, string | RegExp | boolean>>,
  headers: RequestInfo['headers'],
): boolean {
  for (const name in conditions) {
    const condition = conditions[name]
    const raw = headers[name]
    const value = raw === undefined ? undefined : typeof raw === 'string' ? raw : raw.join(', ')
    if (condition === true) {
      if (value === undefined) return false
    } else if (condition === false) {
      if (value !== undefined) return false
    } else if (value === undefined) {
      return false
    } else if (typeof condition === 'string' ? value !== condition : !(condition as RegExp).test(value)) {
      return false
    }
  }
  return true
}
