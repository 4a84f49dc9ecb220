import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'angular',
    include: ['test/**/*.test.ts'],
    // Each `ng serve` builds the app before it listens (about 5-10 s on a 2-core machine).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
