// The addon's preset (`addons: ['@sameorigin/storybook']` resolves `@sameorigin/storybook/preset`):
// Storybook calls these by name. Each takes Storybook's value and options and returns the value.
import { REPORT_CLIENT_PATH } from '@sameorigin/core'
import { logger } from 'storybook/internal/node-logger'
import type { MountedProxy } from './mount-proxy.ts'
import { mountProxy } from './mount-proxy.ts'
import type { StorybookApp, StorybookPresetOptions } from './storybook-host.ts'
import { toStorybookLogger } from './to-storybook-logger.ts'
import { withoutViteProxy } from './without-vite-proxy.ts'

/** The proxy of each Storybook config folder started in this process, for `previewHead`. */
const mounted = new Map<string, MountedProxy>()

/**
 * `storybook dev` hands its server-side app here (Storybook 9.1.16+, 10) before the builders start:
 * the engine is mounted on the dev server itself, so the preview iframe calls `/api` on its own
 * origin. Rejects when the sameorigin config is bad: `storybook dev` then stops with every problem.
 */
export async function experimental_devServer(
  app: StorybookApp,
  options: StorybookPresetOptions,
): Promise<StorybookApp> {
  const proxy = await mountProxy(app, options, { logger: toStorybookLogger(logger) })
  mounted.set(options.configDir, proxy)
  app.server?.once('close', () => mounted.delete(options.configDir))
  return app
}

/**
 * The preview iframe's head: in `storybook dev`, with the inspector on, the report client (a classic
 * script, before the stories run) so a call the browser blocks is reported to the terminal. Read when
 * the builder writes `iframe.html`, after `experimental_devServer`; `storybook build` never mounts the
 * proxy and gets the head unchanged.
 */
export function previewHead(head: string | undefined, options: StorybookPresetOptions): string {
  const html = head ?? ''
  if (mounted.get(options.configDir)?.reportClient !== true) return html
  return `${html}\n<script src="${REPORT_CLIENT_PATH}"></script>\n`
}

/**
 * The Vite builder's config: the app's `vite.config.*` with sameorigin's Vite plugin taken out (see
 * `withoutViteProxy`), so `storybook dev` has one engine, the addon's, and prints one route table.
 */
export async function viteFinal<Config extends { plugins?: unknown }>(config: Config): Promise<Config> {
  if (config.plugins === undefined) return config
  return { ...config, plugins: await withoutViteProxy(config.plugins) }
}
