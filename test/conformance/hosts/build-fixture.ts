import { join } from 'node:path'
import { build } from 'vite'
import type { FixtureCopy } from '../src/copy-fixture.ts'
import { copyFixture } from '../src/copy-fixture.ts'

/** `vite build` of a copy of `fixtureDir` into `<copy>/dist`, as a user runs it before `vite preview`. */
export async function buildFixture(fixtureDir: string): Promise<FixtureCopy> {
  const fixture = await copyFixture(fixtureDir)
  try {
    await build({
      root: fixture.dir,
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      build: { outDir: join(fixture.dir, 'dist'), emptyOutDir: true },
    })
    return fixture
  } catch (error) {
    await fixture.remove()
    throw error
  }
}
