/**
 * RFC 9110 §5.6.2 `token`: the characters allowed in a header name or a method. Anything else would
 * be rejected by Node when the upstream request is written, at request time instead of startup.
 */
const TOKEN = /^[!#$%&'*+\-.^`|~\w]+$/

/** True when `value` is a valid HTTP token (a header name or a method name). */
export function isToken(value: string): boolean {
  return TOKEN.test(value)
}
