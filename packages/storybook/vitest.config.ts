import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'storybook',
    include: ['test/**/*.test.ts'],
    // Each test file starts a real `storybook dev` (a builder's first compile takes seconds, webpack's
    // the longest on a 2-core machine): above vitest's 5 s default.
    testTimeout: 60_000,
    // One Storybook at a time: three builders' first compiles at once starve a 2-core machine.
    fileParallelism: false,
    hookTimeout: 120_000,
  },
})
