import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'nuxt',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // Tests that start `nuxt dev` (under Node 24) take a Nitro and a Vite build: above vitest's 5 s default.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
