import { fileURLToPath } from 'node:url'
import type { ViteUserConfig } from 'vitest/config'
import { defineConfig } from 'vitest/config'

// The heavy runs, apart from `pnpm test`: this file is deliberately not named vitest.config.ts, so
// the root config's `test/*/vitest.config.ts` never picks it up. Run with `pnpm test:soak`. One file
// at a time (they would compete for the CPU and distort each other's figures); the bounds only stop
// a hang: a 1 GiB transfer on a loaded 2-core machine takes minutes.
const config: ViteUserConfig = defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'soak',
    include: ['*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 20 * 60_000,
    hookTimeout: 60_000,
  },
})

export default config
