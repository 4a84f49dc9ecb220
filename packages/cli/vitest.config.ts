import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // Most tests run the real bin (`node bin/sameorigin.mjs`) against real servers; the browser
    // agreement test drives Chromium.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
