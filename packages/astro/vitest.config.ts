import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'astro',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // Each test starts a real Astro server (dev, or a build then its server): above vitest's 5 s default.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
