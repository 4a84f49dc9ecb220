import type { ConfigIssue } from '../types.ts'
import { describeValue } from '../internal/describe-value.ts'
import { formatKey } from '../internal/format-key.ts'
import { hasControlCharacter } from '../internal/has-control-character.ts'
import { isToken } from './is-token.ts'
import { quote } from '../internal/quote.ts'

/** The fields that delimit a message body (RFC 9112 §6): never set by a route. */
const FRAMING_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding'])

/** Which values a header map accepts. */
export type HeaderValueKind = 'set' | 'condition'

/**
 * Checks `headers` / `responseHeaders` (values: string, or `null` to remove) or `matchHeaders`
 * (values: string, RegExp or boolean). Names must be HTTP tokens and unique ignoring case; values
 * to send must not contain control characters; `Content-Length` and `Transfer-Encoding` cannot be set.
 */
export function validateHeaders(value: unknown, path: string, kind: HeaderValueKind): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const add = (at: string, message: string, fix: string): void => {
    issues.push({ code: 'ERR_RULE_OPTION_INVALID', severity: 'error', path: at, message, fix })
  }
  const example =
    kind === 'set' ? "{ 'x-api-key': 'dev', cookie: null }" : "{ accept: /json/, 'x-mock': false }"
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof RegExp) {
    // Only a route's `headers` may also be a function (checked per request); its fix says so.
    const perRequest = path.endsWith('.headers')
    const expected = perRequest
      ? 'an object of header names to values, or a function that returns one'
      : 'an object of header names to values'
    const fix = perRequest
      ? `${example} or async () => ({ authorization: \`Bearer \${await getToken()}\` })`
      : example
    add(path, `must be ${expected}, got ${describeValue(value)}`, fix)
    return issues
  }
  const seen = new Map<string, string>()
  for (const [name, headerValue] of Object.entries(value)) {
    const at = `${path}${formatKey(name)}`
    if (!isToken(name)) {
      add(
        at,
        "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
        quote(name.replace(/[^!#$%&'*+\-.^`|~\w]/g, '-')),
      )
      continue
    }
    const previous = seen.get(name.toLowerCase())
    if (previous !== undefined)
      add(at, `repeats '${previous}' (header names ignore case)`, 'keep one of them')
    seen.set(name.toLowerCase(), name)
    if (kind === 'set' && FRAMING_HEADERS.has(name.toLowerCase())) {
      add(
        at,
        'sets how the message body is delimited, which sameorigin decides from the body itself (a wrong value lets a body be read as a second request)',
        `remove ${quote(name)}: every body is framed with the right Content-Length or chunked encoding`,
      )
      continue
    }
    if (kind === 'condition') {
      if (
        typeof headerValue !== 'string' &&
        typeof headerValue !== 'boolean' &&
        !(headerValue instanceof RegExp)
      ) {
        add(
          at,
          `must be a string, a RegExp, true (present) or false (absent), got ${describeValue(headerValue)}`,
          example,
        )
      }
    } else if (headerValue !== null && typeof headerValue !== 'string') {
      const fix =
        typeof headerValue === 'number' ? `'${headerValue}'` : 'a string, or null to remove the header'
      add(at, `must be a string, or null to remove the header, got ${describeValue(headerValue)}`, fix)
    } else if (typeof headerValue === 'string' && hasControlCharacter(headerValue, true)) {
      // CR and LF would end the header line: anything after them becomes a header (or a request) of its own.
      const cleaned = [...headerValue].map((char) => (hasControlCharacter(char) ? ' ' : char)).join('')
      add(
        at,
        'contains a line break or control character, which would let it inject headers',
        quote(cleaned.replace(/ {2,}/g, ' ').trim()),
      )
    }
  }
  return issues
}
