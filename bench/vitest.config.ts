import { defineProject } from 'vitest/config'

// The benchmark's correctness check only (no timings): see test/identical-bodies.test.ts.
export default defineProject({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
