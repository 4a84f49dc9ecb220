import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'rsbuild',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    // Each test starts a real Rsbuild server (an Rspack compile for `dev`): above vitest's 5 s default.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
