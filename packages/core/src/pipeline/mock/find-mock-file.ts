import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError } from '../../errors/proxy-error.ts'
import { chooseFolders, toMockFileNames } from './mock-file-names.ts'
import { parseMockFile } from './parse-mock-file.ts'
import type { MockKey } from './to-mock-key.ts'
import type { MockAnswer, MockFiles } from './types.ts'

/** Folder listings one lookup may read: `[name]` folders at every level cannot make it unbounded. */
const LISTING_BUDGET = 64

/**
 * The recorded answer for `key`, walking the mock folder segment by segment: a folder named as the
 * segment first, then each `[name]` folder (exact wins; a dead end goes back and tries the next), and
 * in the last folder the first of `toMockFileNames(key)` that exists. `undefined` when none does; an
 * `ERR_MOCK_FILE_INVALID` for a file that exists but cannot be used.
 */
export async function findMockFile(
  files: MockFiles,
  key: MockKey,
): Promise<MockAnswer | ProxyError | undefined> {
  const names = toMockFileNames(key)
  let budget = LISTING_BUDGET
  const walk = async (at: readonly string[]): Promise<MockAnswer | ProxyError | undefined> => {
    if (budget-- <= 0) return undefined
    const listing = await files.list(at)
    if (listing === undefined) return undefined
    if (at.length === key.segments.length) {
      const name = names.find((candidate) => listing.files.has(candidate))
      return name === undefined ? undefined : readAnswer(files, at, name)
    }
    for (const folder of chooseFolders(listing.folders, key.segments[at.length] as string)) {
      const found = await walk([...at, folder])
      if (found !== undefined) return found
    }
    return undefined
  }
  return walk([])
}

async function readAnswer(
  files: MockFiles,
  at: readonly string[],
  name: string,
): Promise<MockAnswer | ProxyError | undefined> {
  const source = [...at, name].join('/')
  const bytes = await files.read(at, name)
  if (bytes === undefined) return undefined
  const parsed = parseMockFile(bytes, source)
  if (parsed instanceof Error) return parsed
  let body: Uint8Array | null = parsed.body
  if (parsed.bodyFile !== undefined) {
    body = (await files.read(at, parsed.bodyFile)) ?? null
    if (body === null)
      return createError('ERR_MOCK_FILE_INVALID', {
        message: `The mock file ${source} names "bodyFile": "${parsed.bodyFile}", which is not beside it.`,
        details: { file: source },
      })
  }
  return { status: parsed.status, headers: parsed.headers, body, source }
}

/** The files a request's mock would be, for messages: `api/users/42/GET.json`, best first. */
export function describeLookedFor(key: MockKey): string[] {
  return toMockFileNames(key).map((name) => [...key.segments, name].join('/'))
}
