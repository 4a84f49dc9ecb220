import { hasControlCharacter } from '../internal/has-control-character.ts'
import { createUnsafePathError } from './unsafe-path-error.ts'

/** A request target split into the raw path and the query string. */
export interface RequestTarget {
  /** The path as received (not yet normalised), starting with `/`. */
  readonly path: string
  /** The query string including `?`, or `''`. */
  readonly search: string
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z\d+.-]*:\/\//

/**
 * Splits an HTTP request target (RFC 9112 §3.2) into path and query.
 * - origin-form `/a/b?q` → `{ path: '/a/b', search: '?q' }`
 * - absolute-form `http://other.host/a?q` → its path and query only: the host in the request line
 *   never chooses where a request goes (that would turn the dev server into an open proxy)
 * - asterisk-form `*` and authority-form `host:443` (CONNECT) → `undefined`: no route applies
 * Throws `ERR_REQUEST_PATH_UNSAFE` when the target contains a control character.
 */
export function parseRequestTarget(url: string): RequestTarget | undefined {
  // C0 controls and DEL anywhere in the target (query included) would be written into the upstream
  // request line: header injection / request smuggling if anything upstream of Node let them through.
  if (hasControlCharacter(url)) throw createUnsafePathError('control-character')
  let rest: string
  if (url.charCodeAt(0) === 47) {
    rest = url
  } else {
    const scheme = ABSOLUTE_FORM.exec(url)
    if (scheme === null) return undefined
    const authorityEnd = url.slice(scheme[0].length).search(/[/?#]/)
    if (authorityEnd === -1) return { path: '/', search: '' }
    rest = url.slice(scheme[0].length + authorityEnd)
    // `http://host?q` has an empty path, which HTTP spells `/`.
    if (rest.charCodeAt(0) !== 47) rest = `/${rest}`
  }
  const query = rest.indexOf('?')
  if (query === -1) return { path: rest, search: '' }
  return { path: rest.slice(0, query), search: rest.slice(query) }
}
