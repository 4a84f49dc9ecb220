import { rewriteLocation } from './rewrite-location.ts'
import type { RewriteLocationContext } from './rewrite-location.ts'

const TAB = 9
const LF = 10
const FF = 12
const CR = 13
const SPACE = 32
const QUOTE = 34
const APOSTROPHE = 39
const COMMA = 44
const FULL_STOP = 46
const SEMICOLON = 59
const EQUALS = 61
const UPPER_U = 85
const LOWER_U = 117

/**
 * Rewrites the URL inside a `Refresh` header (`5; url=https://staging.example.com/v1/done`) with
 * {@link rewriteLocation}, keeping everything around it (delay, separators, quotes) byte for byte.
 *
 * `Refresh` is not in an RFC; browsers parse it with the HTML Standard's "shared declarative refresh
 * steps", which this follows to find where the URL starts and ends: a delay, then `;`, `,`
 * or whitespace, an optional `url=` (any case, spaces around `=`), an optional quote that also ends
 * the URL. A value without a URL, or one browsers would ignore, is returned unchanged. Never throws.
 * @example rewriteRefresh("0; URL='https://staging.example.com/v1/x'", context) // → "0; URL='/api/x'"
 */
export function rewriteRefresh(value: string, context: RewriteLocationContext): string {
  const end = value.length
  let i = skipWhitespace(value, 0)
  const digitsStart = i
  while (i < end && isDigit(value.charCodeAt(i))) i++
  if (i === digitsStart && value.charCodeAt(i) !== FULL_STOP) return value
  while (i < end && (isDigit(value.charCodeAt(i)) || value.charCodeAt(i) === FULL_STOP)) i++
  if (i === end) return value
  const separator = value.charCodeAt(i)
  if (separator !== SEMICOLON && separator !== COMMA && !isWhitespace(separator)) return value
  i = skipWhitespace(value, i)
  if (value.charCodeAt(i) === SEMICOLON || value.charCodeAt(i) === COMMA) i++
  i = skipWhitespace(value, i)
  if (i === end) return value

  let start = i
  let quote = 0
  // "url" is optional; without `=` after it, the letters belong to the URL (the steps' "jump to parse").
  if (value.slice(i, i + 3).toLowerCase() === 'url') {
    let j = skipWhitespace(value, i + 3)
    if (value.charCodeAt(j) === EQUALS) {
      j = skipWhitespace(value, j + 1)
      start = j
    }
  }
  if (start !== i || (value.charCodeAt(i) !== LOWER_U && value.charCodeAt(i) !== UPPER_U)) {
    const code = value.charCodeAt(start)
    if (code === QUOTE || code === APOSTROPHE) {
      quote = code
      start++
    }
  }
  let stop = end
  if (quote !== 0) {
    const closing = value.indexOf(String.fromCharCode(quote), start)
    if (closing !== -1) stop = closing
  }
  const url = value.slice(start, stop)
  const rewritten = rewriteLocation(url, context)
  return rewritten === url ? value : value.slice(0, start) + rewritten + value.slice(stop)
}

function skipWhitespace(value: string, from: number): number {
  let i = from
  while (i < value.length && isWhitespace(value.charCodeAt(i))) i++
  return i
}

// ASCII whitespace per the Infra Standard: TAB, LF, FF, CR, SPACE.
function isWhitespace(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === FF || code === CR
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
