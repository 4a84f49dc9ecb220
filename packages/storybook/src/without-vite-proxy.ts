/** The name of the Vite plugin that mounts the engine (`@sameorigin/vite`, `unplugin-sameorigin/vite`, SvelteKit's). */
const VITE_PROXY_PLUGIN = 'sameorigin:proxy'

/** What a Vite config's `plugins` holds: plugins, falsy entries, nested lists, promises of these. */
type PluginOption = unknown

function isProxyPlugin(plugin: unknown): boolean {
  return (
    typeof plugin === 'object' && plugin !== null && (plugin as { name?: unknown }).name === VITE_PROXY_PLUGIN
  )
}

async function flatten(option: PluginOption): Promise<unknown[]> {
  const value: unknown = await option
  if (Array.isArray(value)) return (await Promise.all(value.map(flatten))).flat()
  return [value]
}

/**
 * The preview's Vite plugins without sameorigin's own Vite plugin. The Vite builder loads the app's
 * `vite.config.*`, where a Vite app has `sameorigin()`: inside Storybook it would mount a second
 * engine in the preview's middleware-mode server (its route table printed twice), which the addon's,
 * running first on Storybook's server, leaves with nothing to do. The addon is Storybook's mount.
 */
export async function withoutViteProxy(plugins: PluginOption): Promise<unknown[]> {
  return (await flatten(plugins)).filter((plugin) => !isProxyPlugin(plugin))
}
