import type { TestProject } from 'vitest/node'
import { buildFixture } from '../hosts/build-fixture.ts'
import { HOSTS } from '../hosts/index.ts'
import type { NextMode } from '../hosts/next-dev.ts'
import { NextApp, startCoordinator } from '../hosts/next-dev.ts'
import { FIXTURES } from './fixtures.ts'
import { selectHostNames } from './select-hosts.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Fixture directory → the copy holding its `vite build` output (in `dist/`), for `vite-preview`. */
    previewBuilds: Record<string, string>
  }
}

/** The Next hosts and the mode of the `next dev` each runs against. */
const NEXT_MODES: ReadonlyMap<string, NextMode> = new Map([
  ['next-rewrites', 'rewrites'],
  ['next-route-handler', 'route'],
])

/**
 * Once per run, for the selected hosts: builds each fixture for `vite-preview`, and starts one
 * `next dev` per Next host with the coordinator that lends it to one block at a time
 * (`hosts/next-dev.ts`). The teardown stops and removes all of it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const selected = selectHostNames(HOSTS.map((host) => host.name))
  const modes = HOSTS.flatMap((host) => {
    const mode = NEXT_MODES.get(host.name)
    return mode !== undefined && selected.has(host.name) ? [mode] : []
  })
  const nextApps = new Map<NextMode, NextApp>()
  let builds: Awaited<ReturnType<typeof buildFixture>>[] = []
  let coordinator: Awaited<ReturnType<typeof startCoordinator>> | undefined
  const teardown = async (): Promise<void> => {
    await coordinator?.close()
    await Promise.all([...nextApps.values()].map((app) => app.close()))
    await Promise.all(builds.map((build) => build.remove()))
  }
  const starting = Promise.allSettled(
    modes.map(async (mode) => {
      nextApps.set(mode, await NextApp.start(mode))
    }),
  )
  const building = Promise.allSettled(selected.has('vite-preview') ? FIXTURES.map(buildFixture) : [])
  const outcomes = [...(await starting), ...(await building)]
  builds = (await building).flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []))
  const failed = outcomes.find((outcome) => outcome.status === 'rejected')
  if (failed !== undefined) {
    await teardown()
    throw failed.reason
  }
  if (nextApps.size > 0) coordinator = await startCoordinator(nextApps)
  project.provide('nextCoordinator', coordinator?.url ?? null)
  project.provide(
    'previewBuilds',
    Object.fromEntries(FIXTURES.map((dir, index) => [dir, builds[index]?.dir]).filter(([, built]) => built)),
  )
  return teardown
}
