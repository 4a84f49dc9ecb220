/*
 * Request path normalisation: the one canonical form every route is matched against and every
 * upstream path is built from. Each rule names the attack it stops.
 *
 * - Unreserved escapes are decoded (`%41` → `A`, `%2e` → `.`, `%7e` → `~`) and the others upper-cased
 *   (`%2f` → `%2F`), so `/%61pi` cannot slip past a route written `/api`, and `%2e%2e` becomes a real
 *   `..` that dot-segment removal then resolves instead of the upstream decoding it into a traversal.
 * - Dot segments are removed (RFC 3986 §5.2.4), never above `/`: `/api/../admin` is matched as
 *   `/admin`, so it cannot reach `/admin` through the `/api` route's target.
 * - Refused (ERR_REQUEST_PATH_UNSAFE, answered 400):
 *   - NUL, raw or `%00`: C-string truncation in upstream servers and file systems.
 *   - Other control characters and a raw `#`: request smuggling and parser differentials between us
 *     and the upstream (a `#` would start a fragment there and cut the path short).
 *   - Backslash, raw or `%5C`: Windows/IIS and some frameworks treat it as `/`, turning `..\` into a
 *     traversal we never saw.
 *   - `%25` followed by `2e`/`2f`/`5c`/`00` (after unreserved decoding): double encoding survives one
 *     decode as a dot, slash, backslash or NUL, the classic IIS/Tomcat traversal (CVE-2001-0333).
 *   - `%2F` joining a `.` or `..` sub-segment (`..%2F`, `a%2F..%2Fb`): an upstream that decodes
 *     slashes would see a traversal that our dot-segment removal could not. A plain `%2F` inside a
 *     segment (GitLab's `group%2Fproject`) is allowed and forwarded still encoded.
 *   - A `.`/`..` segment carrying a `;` parameter (`..;/admin`): Tomcat, Jetty and Spring strip
 *     the parameter and then resolve the `..` ("Breaking Parser Logic", Orange Tsai, 2018).
 *   - A `%` not followed by two hex digits: hosts (Vite's `decodeURI`) reject it too; forwarding it
 *     would let the upstream guess.
 * - Anything else outside RFC 3986 `pchar` (spaces, non-ASCII) is percent-encoded, so what we match
 *   is exactly what we forward. Code units up to U+00FF are taken as bytes (Node hands the request
 *   line over as latin1), others as UTF-8.
 * Nothing else is collapsed: `//` stays `//`, case is kept.
 */
import { createUnsafePathError } from './unsafe-path-error.ts'
import { removeDotSegments } from './remove-dot-segments.ts'

// Paths made only of raw pchars and free of dot segments are already canonical: the fast path, taken by
// almost every request of a dev server.
const NEEDS_WORK = /[^\w\-.~!$&'()*+,;=:@/]|\/\.\.?(?:[/;]|$)/
const DOUBLE_ENCODED = /%25(?:2e|2f|5c|00)/i
const HEX = /^[0-9A-Fa-f]{2}$/

/**
 * The canonical form of a request path (`/a/b`, no query): see the header comment of this file.
 * Throws `ERR_REQUEST_PATH_UNSAFE` for paths that could change which route matches or leave the
 * target's base path.
 * @example normalizePath('/api/%7euser/./x') // '/api/~user/x'
 */
export function normalizePath(path: string): string {
  if (path.charCodeAt(0) !== 47) throw createUnsafePathError('not-absolute')
  if (!NEEDS_WORK.test(path)) return path
  const encoded = canonicalEscapes(path)
  if (DOUBLE_ENCODED.test(encoded)) throw createUnsafePathError('double-encoding')
  checkSegments(encoded)
  return removeDotSegments(encoded)
}

function canonicalEscapes(path: string): string {
  let out = ''
  for (let i = 0; i < path.length; i++) {
    const char = path[i] as string
    const code = char.charCodeAt(0)
    if (code === 0) throw createUnsafePathError('nul')
    if (code < 0x20 || code === 0x7f) throw createUnsafePathError('control-character')
    if (char === '\\') throw createUnsafePathError('backslash')
    if (char === '#') throw createUnsafePathError('fragment')
    if (char === '%') {
      const hex = path.slice(i + 1, i + 3)
      if (!HEX.test(hex)) throw createUnsafePathError('malformed-escape')
      const byte = Number.parseInt(hex, 16)
      if (byte === 0) throw createUnsafePathError('nul')
      if (byte === 0x5c) throw createUnsafePathError('encoded-backslash')
      out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${hex.toUpperCase()}`
      i += 2
    } else if (isPathChar(code)) {
      out += char
    } else if (code <= 0xff) {
      out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`
    } else {
      out += encodeWide(path, i)
      // A surrogate pair is two code units but one character.
      if (code >= 0xd800 && code <= 0xdbff) i++
    }
  }
  return out
}

function encodeWide(path: string, index: number): string {
  const point = path.codePointAt(index) as number
  // Lone surrogates cannot be encoded as UTF-8: refuse rather than forward garbage.
  if (point >= 0xd800 && point <= 0xdfff) throw createUnsafePathError('control-character')
  return encodeURIComponent(String.fromCodePoint(point))
}

function checkSegments(path: string): void {
  for (const segment of path.split('/')) {
    const parts = segment.includes('%2F') ? segment.split('%2F') : undefined
    if (parts !== undefined && parts.some((part) => isDotSegment(stripParameter(part)))) {
      throw createUnsafePathError('encoded-slash-dot-segment')
    }
    const bare = stripParameter(segment)
    if (bare !== segment && isDotSegment(bare)) throw createUnsafePathError('dot-segment-parameter')
  }
}

/** The segment before its first `;` (raw or `%3B`), as servers that honour path parameters see it. */
function stripParameter(segment: string): string {
  const semicolon = segment.indexOf(';')
  const encoded = segment.indexOf('%3B')
  const cut = semicolon === -1 ? encoded : encoded === -1 ? semicolon : Math.min(semicolon, encoded)
  return cut === -1 ? segment : segment.slice(0, cut)
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..'
}

/** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  )
}

/** RFC 3986 `pchar` and `/` (minus `%`, handled above): what may appear raw in a path. */
function isPathChar(code: number): boolean {
  if (code >= 0x80) return false
  return isUnreserved(code) || "!$&'()*+,;=:@/".includes(String.fromCharCode(code))
}
