import { defineProject } from 'vitest/config'

// The fast tests run the built bin (index.js → dist/) into temp folders; test/install.test.ts also
// installs, builds and serves every template (its own timeouts). global-setup.ts builds what is stale.
export default defineProject({
  test: {
    name: 'create-app',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
