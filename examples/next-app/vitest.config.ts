import { defineProject } from 'vitest/config'

export default defineProject({
  // `next dev` compiles the page and the route on first request: slow on a busy 2-core machine.
  test: {
    name: 'example-next-app',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
