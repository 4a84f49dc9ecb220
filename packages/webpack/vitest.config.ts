import { defineProject } from 'vitest/config'

// The CLI tests spawn real `webpack serve` / `rspack serve` processes; a first compile takes a few
// seconds on a small CI machine, so the bounds below only catch hangs.
export default defineProject({
  test: {
    name: 'webpack',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
})
