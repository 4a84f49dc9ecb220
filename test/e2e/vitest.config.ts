import { defineProject } from 'vitest/config'
import { HOST_EXAMPLES, selectHosts } from './hosts/select-hosts.ts'

// Browser tests, after Vite's playground harness: global-setup.ts launches one Chromium for the run,
// setup.ts starts each test file's scenario (the demo backend and the example's dev server) and opens
// a page. Each scenario is one example in its own dev server (vite-react in Vite, webpack-react in
// `webpack serve`, rsbuild-react in Rsbuild); the same specs (specs/*.ts) run in each. E2E_HOST=webpack
// (or a list) runs only those hosts' scenarios; by default every host runs.
export default defineProject({
  test: {
    name: 'e2e',
    include: selectHosts().map((host) => `${HOST_EXAMPLES[host]}/__tests__/**/*.spec.ts`),
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./setup.ts'],
    // Above playwright's own waits (setup.ts: 10 s), so a stuck wait fails with its own message.
    testTimeout: 30_000,
    // A bound against hangs: a framework's first dev start in a fresh clone optimizes its dependencies.
    hookTimeout: 90_000,
  },
})
