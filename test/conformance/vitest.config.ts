import type { UserWorkspaceConfig } from 'vitest/config'
import { defineProject } from 'vitest/config'
import { selectHostGroup } from '@sameorigin/test-utils/select-host-group'

// One scenario list, run once per host (src/describe-hosts.ts). Each block starts its host once, so
// a test's time is the request itself; the bounds below only catch hangs (Vite's startup, 50 MiB
// bodies on a slow CI machine). Results for the README table: `pnpm test` adds src/results-reporter.ts.
const config: UserWorkspaceConfig = defineProject({
  test: {
    name: 'conformance',
    include: ['cases/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The full-stack frameworks' dev servers alone (`npm run test:hosts`): one retry. nuxt-dev has
    // left a HEAD with a chunked body unanswered in two of four full runs (Nitro's hop to its worker),
    // never when run again; a test that fails twice still fails.
    retry: selectHostGroup().base ? 0 : 1,
  },
})

export default config
