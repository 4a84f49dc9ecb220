import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'next',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // 50 MiB through the route handler on a busy 2-core machine; the bound only catches hangs.
    testTimeout: 30_000,
  },
})
