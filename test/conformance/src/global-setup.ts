import type { TestProject } from 'vitest/node'
import { buildFixture } from '../hosts/build-fixture.ts'
import { HOSTS } from '../hosts/index.ts'
import { FIXTURES } from './fixtures.ts'
import { selectHostNames } from './select-hosts.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Fixture directory → the copy holding its `vite build` output (in `dist/`), for `vite-preview`. */
    previewBuilds: Record<string, string>
  }
}

/** Builds each fixture once per run for `vite-preview` (when selected), and removes the builds at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const selected = selectHostNames(HOSTS.map((host) => host.name))
  const builds = selected.has('vite-preview') ? await Promise.all(FIXTURES.map(buildFixture)) : []
  project.provide(
    'previewBuilds',
    Object.fromEntries(FIXTURES.map((dir, index) => [dir, builds[index]?.dir]).filter(([, built]) => built)),
  )
  return async () => {
    await Promise.all(builds.map((build) => build.remove()))
  }
}
