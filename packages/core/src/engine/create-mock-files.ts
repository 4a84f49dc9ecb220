import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import { isSafeName } from '../pipeline/mock/mock-file-names.ts'
import type { MockFiles, MockListing, MockWrite } from '../pipeline/mock/types.ts'

/** Largest mock file read (a body file included); larger ones count as missing. */
const READ_LIMIT = 64 * 1024 * 1024

/**
 * The mock folder `dir` on disk, as a trust boundary. Every name is checked (`isSafeName`), every
 * path is built below the folder, and before any read, listing or write the real path (symbolic
 * links resolved) must be the folder's own real path or inside it: a link that leads out of the
 * folder is treated as missing, and a write never follows one out. Files are written to a temporary
 * name and renamed, so a reader never sees half a file and a link in place of a file is replaced,
 * not followed.
 */
export function createMockFiles(dir: string): MockFiles {
  const root = resolve(dir)
  const realRoot = (): Promise<string | undefined> => realpath(root).catch(() => undefined)
  /** The real path of `names` below the folder when it exists and is inside, else `undefined`. */
  const inside = async (names: readonly string[]): Promise<string | undefined> => {
    if (!names.every(isSafeName)) return undefined
    const base = await realRoot()
    if (base === undefined) return undefined
    const real = await realpath(join(root, ...names)).catch(() => undefined)
    return real !== undefined && isWithin(base, real) ? real : undefined
  }
  return {
    list: async (segments) => {
      const real = await inside(segments)
      if (real === undefined) return undefined
      const entries = await readdir(real, { withFileTypes: true }).catch(() => undefined)
      if (entries === undefined) return undefined
      const listing: { folders: Set<string>; files: Set<string> } = { folders: new Set(), files: new Set() }
      for (const entry of entries) {
        if (!isSafeName(entry.name)) continue
        // A link is listed by what it points at; reading through it checks containment again.
        const kind = entry.isSymbolicLink()
          ? await stat(join(real, entry.name)).catch(() => undefined)
          : entry
        if (kind?.isDirectory()) listing.folders.add(entry.name)
        else if (kind?.isFile()) listing.files.add(entry.name)
      }
      return listing as MockListing
    },
    read: async (segments, name) => {
      const real = await inside([...segments, name])
      if (real === undefined) return undefined
      const info = await stat(real).catch(() => undefined)
      if (info === undefined || !info.isFile() || info.size > READ_LIMIT) return undefined
      return new Uint8Array(await readFile(real))
    },
    write: async (segments, files) => write(root, segments, files),
  }
}

async function write(root: string, segments: readonly string[], files: readonly MockWrite[]): Promise<void> {
  if (!segments.every(isSafeName) || !files.every((file) => isSafeName(file.name)))
    throw new Error('a mock file name is not safe')
  await mkdir(root, { recursive: true })
  const base = await realpath(root)
  let folder = base
  for (const segment of segments) {
    const next = join(folder, segment)
    const existing = await lstat(next).catch(() => undefined)
    if (existing === undefined)
      await mkdir(next).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
    const real = await realpath(next)
    if (!isWithin(base, real)) throw new Error(`${next} leads out of the mock folder`)
    if (!(await stat(real)).isDirectory()) throw new Error(`${next} is not a folder`)
    folder = real
  }
  for (const file of files) {
    const temporary = join(folder, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      await writeFile(temporary, file.bytes, { flag: 'wx' })
      await rename(temporary, join(folder, file.name))
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
}

/** `path` is `base` or below it (both real, absolute paths). */
function isWithin(base: string, path: string): boolean {
  return path === base || path.startsWith(base.endsWith(sep) ? base : base + sep)
}
