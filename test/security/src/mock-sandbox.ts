import { createHash } from 'node:crypto'
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { UserConfig } from '@sameorigin/core'

/** What a file outside the mock folder holds: an answer that must never reach a client. */
export const OUTSIDE = 'OUTSIDE-THE-MOCK-FOLDER'
/** What the mock folder's own file holds. */
export const INSIDE = 'INSIDE-THE-MOCK-FOLDER'

/**
 * A folder holding a mock folder (`box/mocks`) and, around it, files a mock lookup must never read:
 * `GET.json` answers at every level above it, a sibling folder `box/secret`, a sibling whose name
 * starts like it (`box/mocks-evil`), and, inside the mock folder, symbolic links that lead out of it
 * (a folder link `api/link` and a file link `api/filelink/GET.json`). `snapshotOutside` lists every
 * file outside the mock folder with a hash of its content, so a row can prove nothing there changed.
 */
export interface MockSandbox {
  readonly root: string
  readonly dir: string
  /** Routes: `/api` always answers from the mock folder; `/rec` records into it. */
  readonly routes: (target: string) => UserConfig
  readonly snapshotOutside: () => string
  /** Every entry below the mock folder (links not followed), relative to it. */
  readonly listInside: () => string[]
  readonly remove: () => void
}

export function createMockSandbox(): MockSandbox {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-mock-sandbox-'))
  const dir = join(root, 'box', 'mocks')
  const outside = JSON.stringify({ status: 200, body: OUTSIDE })
  const put = (path: string, content: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  for (const path of [
    'GET.json',
    'box/GET.json',
    'box/secret/GET.json',
    'box/mocks-evil/GET.json',
    'box/secret/x/GET.json',
  ])
    put(path, outside)
  put('box/mocks/api/inside/GET.json', JSON.stringify({ status: 200, body: INSIDE }))
  put('box/mocks/GET.json', JSON.stringify({ status: 200, body: INSIDE }))
  symlinkSync(join(root, 'box/secret'), join(dir, 'api/link'), 'dir')
  mkdirSync(join(dir, 'api/filelink'))
  symlinkSync(join(root, 'box/secret/GET.json'), join(dir, 'api/filelink/GET.json'), 'file')
  mkdirSync(join(dir, 'rec'), { recursive: true })
  symlinkSync(join(root, 'box/secret'), join(dir, 'rec/link'), 'dir')
  return {
    root,
    dir,
    routes: (target) => ({
      routes: {
        '/api': { target, mock: { dir, mode: 'always' } },
        '/rec': { target, mock: { dir, mode: 'record' } },
      },
      logLevel: 'debug',
    }),
    snapshotOutside: () => walk(root, root, dir).join('\n'),
    listInside: () => walk(dir, dir, undefined),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** Every entry below `folder` (links listed, not followed), `skip` left out, with a content hash. */
function walk(folder: string, base: string, skip: string | undefined): string[] {
  const out: string[] = []
  for (const name of readdirSync(folder).toSorted()) {
    const path = join(folder, name)
    if (path === skip) continue
    const info = lstatSync(path)
    if (info.isDirectory()) out.push(`${relative(base, path)}/`, ...walk(path, base, skip))
    else if (info.isSymbolicLink()) out.push(`${relative(base, path)} (link)`)
    else out.push(`${relative(base, path)} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`)
  }
  return out
}
