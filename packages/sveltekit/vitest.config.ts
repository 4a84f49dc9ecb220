import { defineProject } from 'vitest/config'

// The tests run SvelteKit 3 (`vite dev`, `vite build`, `vite preview`) in child processes under
// Node 24: the bounds only catch hangs of a first compile on a slow machine.
export default defineProject({
  test: {
    name: 'sveltekit',
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
