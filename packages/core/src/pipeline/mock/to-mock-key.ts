import { HTTP_METHODS } from '../../rules/http-methods.ts'
import { capLength, escapeBytes, toBytes } from './encode-name.ts'

/** Where a request's mock lives below the mock folder: escaped folder names, method, query part. */
export interface MockKey {
  /** One escaped folder name per non-empty path segment. */
  readonly segments: readonly string[]
  /** The method as sent (upper case: only the methods Node parses, CONNECT aside, are mocked). */
  readonly method: string
  /** The query as a file name part (`page=2&sort=name`: sorted by name), or `undefined` for none. */
  readonly query: string | undefined
}

/** Characters kept as they are in a folder name; every other byte is `%XX`. */
const SEGMENT_SAFE = /^[A-Za-z0-9\-._~@+,=]$/
/** In a query part `=`, `&` and `+` separate or mean a space, so they are escaped in names and values. */
const QUERY_SAFE = /^[A-Za-z0-9\-._~@,]$/
/** Names Windows reserves for devices, whatever follows the first dot. */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|COM\d|LPT\d|CONIN\$|CONOUT\$)(?:\.|$)/i
const MOCKED_METHODS: ReadonlySet<string> = new Set(HTTP_METHODS.filter((method) => method !== 'CONNECT'))
/** A folder named like a mock file of its parent (`GET.json`) would be read as one: its dot is escaped. */
const LOOKS_LIKE_MOCK_FILE = new RegExp(`^(?:${[...MOCKED_METHODS].join('|')})\\.`, 'i')
const MAX_SEGMENTS = 32

/**
 * The mock key of a request: its normalised path's segments escaped into folder names (`/api/users/42`
 * → `api`, `users`, `42`), its method, and its query sorted by name. `undefined` when the request
 * cannot be mocked: a method that is not a standard one, a `.` or `..` segment (normalised paths have
 * none; refused again here), or more than 32 segments. Empty segments are dropped, so `/api/users/`
 * and `/api/users` share a file. Pure: the one place names are made, for reading and for recording.
 * @example toMockKey('GET', '/api/users', '?sort=name&page=2') // { segments: ['api', 'users'], method: 'GET', query: 'page=2&sort=name' }
 */
export function toMockKey(method: string, path: string, search: string): MockKey | undefined {
  if (!MOCKED_METHODS.has(method)) return undefined
  const segments: string[] = []
  for (const raw of path.split('/')) {
    if (raw === '') continue
    const segment = toFolderName(raw)
    if (segment === undefined || segments.length === MAX_SEGMENTS) return undefined
    segments.push(segment)
  }
  return { segments, method, query: toQueryPart(search) }
}

/** One path segment as a folder name, or `undefined` for a dot segment. */
function toFolderName(raw: string): string | undefined {
  let name = escapeBytes(toBytes(raw), SEGMENT_SAFE)
  if (name === '.' || name === '..') return undefined
  if (LOOKS_LIKE_MOCK_FILE.test(name) || WINDOWS_DEVICE.test(name)) name = escapeFirstDotOrChar(name)
  // Windows drops a trailing dot: `a.` would be the folder `a`.
  if (name.endsWith('.')) name = `${name.slice(0, -1)}%2E`
  return capLength(name)
}

function escapeFirstDotOrChar(name: string): string {
  const dot = name.indexOf('.')
  if (dot > 0 && !WINDOWS_DEVICE.test(name.slice(0, dot)))
    return `${name.slice(0, dot)}%2E${name.slice(dot + 1)}`
  const first = name.charCodeAt(0).toString(16).toUpperCase()
  return `%${first}${name.slice(1)}`
}

/** `?b=2&a=1` → `a=1&b=2`: pairs sorted by escaped name (stable for repeated names), `=` always written. */
function toQueryPart(search: string): string | undefined {
  const pairs: [string, string][] = []
  for (const piece of search.slice(1).split('&')) {
    if (piece === '') continue
    const at = piece.indexOf('=')
    const name = at === -1 ? piece : piece.slice(0, at)
    const value = at === -1 ? '' : piece.slice(at + 1)
    pairs.push([escapeBytes(toBytes(name, true), QUERY_SAFE), escapeBytes(toBytes(value, true), QUERY_SAFE)])
  }
  if (pairs.length === 0) return undefined
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return capLength(pairs.map(([name, value]) => `${name}=${value}`).join('&'))
}
