import { defineProject } from 'vitest/config'

export default defineProject({
  test: { name: 'example-rsbuild-react', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
})
