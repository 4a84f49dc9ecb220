import type { UserWorkspaceConfig } from 'vitest/config'
import { defineProject } from 'vitest/config'

// Hostile requests (raw bytes to the core server and to Vite dev), fast-check properties over the pure
// cores, and the security defaults. src/global-setup.ts gathers the rows each file records into
// .tmp/reliability/{hostile,fuzz}.json for scripts/gen-reliability.mjs. The bounds only catch hangs
// (Vite's startup, thousands of fast-check runs on a loaded machine).
const config: UserWorkspaceConfig = defineProject({
  test: {
    name: 'security',
    include: ['hostile/**/*.test.ts', 'fuzz/**/*.test.ts', 'defaults/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

export default config
