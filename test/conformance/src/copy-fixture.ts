import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** A copy of a fixture directory in the OS temp dir, and how to remove it. */
export interface FixtureCopy {
  readonly dir: string
  readonly remove: () => Promise<void>
}

/**
 * Copies `fixtureDir` into a fresh temp directory, so a host can write into it (Vite's cache, a build,
 * a test editing a file for HMR) without touching the repository, and no `sameorigin.config.*` of the
 * repository is found above it.
 */
export async function copyFixture(fixtureDir: string): Promise<FixtureCopy> {
  const parent = await mkdtemp(join(tmpdir(), 'sameorigin-conformance-'))
  const dir = join(parent, basename(fixtureDir))
  await cp(fixtureDir, dir, { recursive: true })
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) }
}
