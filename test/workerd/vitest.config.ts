import type { UserWorkspaceConfig } from 'vitest/config'
import { defineProject } from 'vitest/config'

// The Fetch transport under workerd (miniflare), reading core's built dist/fetch.mjs: run after
// `turbo run build`. The bounds only catch hangs (workerd's start on a loaded machine).
const config: UserWorkspaceConfig = defineProject({
  test: {
    name: 'workerd',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

export default config
