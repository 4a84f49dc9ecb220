import type { MockKey } from './to-mock-key.ts'

/**
 * The file a request's answer is recorded to: `GET.json`, or `GET.<query>.json` when it has a query
 * (`GET.page=2&sort=name.json`). A query part always holds `=`, so it can never be read as `body`.
 */
export function toRecordFileName(key: MockKey): string {
  return `${toBaseName(key.method, key.query)}.json`
}

/** The body file beside a recording: `GET.body.bin`, `GET.page=2.body.png`. */
export function toBodyFileName(key: MockKey, extension: string): string {
  return `${toBaseName(key.method, key.query)}.body.${extension}`
}

/**
 * The files that answer a request, best first: the query's own file, then the file for any query;
 * for `HEAD`, then the same for `GET` (its head answers a HEAD).
 * @example toMockFileNames({ segments: [], method: 'GET', query: 'page=2' }) // ['GET.page=2.json', 'GET.json']
 */
export function toMockFileNames(key: MockKey): string[] {
  const methods = key.method === 'HEAD' ? ['HEAD', 'GET'] : [key.method]
  return methods.flatMap((method) => [
    ...(key.query === undefined ? [] : [`${toBaseName(method, key.query)}.json`]),
    `${method}.json`,
  ])
}

function toBaseName(method: string, query: string | undefined): string {
  return query === undefined ? method : `${method}.${query}`
}

/** A folder name standing for any one segment: `[id]`. */
const PARAM_FOLDER = /^\[[^\]/\\]+\]$/

/**
 * The folders to try for one segment, in order: the segment's own folder when it exists (exact
 * wins), then every `[name]` folder, sorted, each standing for any one segment.
 */
export function chooseFolders(folders: ReadonlySet<string>, segment: string): string[] {
  const params = [...folders].filter((name) => PARAM_FOLDER.test(name) && name !== segment).toSorted()
  return folders.has(segment) ? [segment, ...params] : params
}

/**
 * A name the mock folder may hold and a lookup may pass on: no separator, NUL, or dot segment. Names
 * come from `toMockKey`, `toMockFileNames`, or a folder's own listing (`[id]`); the file side checks
 * each again before touching the disk.
 */
export function isSafeName(name: string): boolean {
  // oxlint-disable-next-line no-control-regex -- NUL is what this refuses
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && name.length <= 255
}
