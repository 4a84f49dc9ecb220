import { defineConfig } from 'vitest/config'

// One run covers every package's unit tests, the conformance suite and the browser tests.
// Each project has its own vitest.config.ts; `test/README.md` says where a new test goes.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*', 'test/*'],
    reporters: process.env.CI ? ['default'] : ['default'],
  },
})
