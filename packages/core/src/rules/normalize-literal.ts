const HEX = /^[0-9A-Fa-f]{2}$/
const UNRESERVED = /^[\w\-.~]$/
const PATH_CHAR = /^[\w\-.~!$&'()*+,;=:@/]$/

/**
 * Puts the literal text of a route path into the form {@link normalizePath} gives request paths, so a
 * key written `/café` or `/%7euser` matches the request `/caf%C3%A9` or `/~user`. A `%` that does
 * not start an escape is taken literally (`%25`).
 */
export function normalizeLiteral(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    const hex = char === '%' ? text.slice(i + 1, i + 3) : ''
    if (HEX.test(hex)) {
      const decoded = String.fromCharCode(Number.parseInt(hex, 16))
      out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`
      i += 2
    } else if (PATH_CHAR.test(char)) {
      out += char
    } else {
      const point = text.codePointAt(i) as number
      if (point > 0xffff) i++
      // Lone surrogates cannot be UTF-8 encoded; they cannot occur in a request either.
      out +=
        point >= 0xd800 && point <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(String.fromCodePoint(point))
    }
  }
  return out
}
