import type { StorybookCoreConfig } from './storybook-host.ts'

/**
 * The engine's DNS-rebinding check, as Storybook's own host validation decides it: `core.allowedHosts`
 * (`true`: any host), plus the `--host` name; `--host 0.0.0.0` with no list accepts any host, as
 * Storybook (and its Vite builder) do. Loopback names and IP addresses pass the engine's check anyway.
 */
export function toAllowedHosts(
  core: StorybookCoreConfig | undefined,
  host: string | undefined,
): true | string[] {
  const listed = core?.allowedHosts
  if (listed === true) return true
  if (host === '0.0.0.0' && (listed === undefined || listed.length === 0)) return true
  return [...(listed ?? []), ...(host === undefined || host === '' ? [] : [host])]
}
