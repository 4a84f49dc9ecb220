import type { UserWorkspaceConfig } from 'vitest/config'
import { defineProject } from 'vitest/config'

// One case list (cases/), run once per transport (src/transports.ts), every server in-process on
// 127.0.0.1. The bounds only catch hangs; no case asserts a duration.
const config: UserWorkspaceConfig = defineProject({
  test: {
    name: 'transports',
    include: ['cases/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})

export default config
