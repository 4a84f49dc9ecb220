import { startStorybook } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `storybook dev` as the example's `pnpm storybook` runs it: Storybook 10 with the Vite builder, in
 * the example's folder, so its `.storybook/main.ts` (`addons: ['@sameorigin/storybook']`) and
 * `sameorigin.config.ts` are the ones a user runs. A child process on a free port (`--ci --no-open`,
 * telemetry off); resolves once Storybook printed its URL.
 */
export async function startStorybookDev({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const storybook = await startStorybook(
    { root, setup: 'vite-10' },
    { onLine: (line) => log(`[storybook] ${line}`) },
  )
  return { url: storybook.url, close: storybook.close }
}
