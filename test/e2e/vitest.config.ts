import { defineProject } from 'vitest/config'

// Browser tests, after Vite's playground harness: global-setup.ts launches one Chromium for the run,
// setup.ts starts each test file's scenario (the demo backend and the example's dev server) and opens
// a page. E2E_HOST picks the dev server (hosts/index.ts).
export default defineProject({
  test: {
    name: 'e2e',
    include: ['*/__tests__/**/*.spec.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./setup.ts'],
    // Above playwright's own waits (setup.ts: 10 s), so a stuck wait fails with its own message.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
