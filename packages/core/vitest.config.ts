import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // The fast-check properties run thousands of inputs each; on a loaded 2-core machine one took
    // more than the default 5 s. A bound against hangs, not a timing assertion.
    testTimeout: 30_000,
  },
})
