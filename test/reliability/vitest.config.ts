import type { UserWorkspaceConfig } from 'vitest/config'
import { defineProject } from 'vitest/config'

// The reliability suites (README.md). Each file starts its hosts once per host block, so a test's
// time is the fault itself plus the wait for sockets to close; the bounds below only catch hangs on a
// loaded machine (every wait inside a case has its own, shorter bound and a message).
const config: UserWorkspaceConfig = defineProject({
  test: {
    name: 'reliability',
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

export default config
