import type { SameOriginOptions, ServerProxyOptions } from '@sameorigin/core'

/**
 * One value as JavaScript source: JSON, with RegExp (route sources, `matchHeaders`) as `new RegExp`.
 * A function cannot be written into Nitro's bundle (it would lose its scope): its path is named.
 */
function toSource(value: unknown, path: string): string {
  if (typeof value === 'function')
    throw new TypeError(
      `[sameorigin] ${path} is a function, and options in nuxt.config reach Nitro's server as data. ` +
        `Move this route to sameorigin.config.ts, where functions work: export default defineConfig({ routes: { ... } })`,
    )
  if (value instanceof RegExp)
    return `new RegExp(${JSON.stringify(value.source)}, ${JSON.stringify(value.flags)})`
  if (Array.isArray(value))
    return `[${value.map((item, index) => toSource(item, `${path}[${index}]`)).join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item, `${path}.${key}`)}`)
      .join(', ')} }`
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * The source of the virtual module that hands the module's options to its Nitro plugin (a
 * {@link RuntimeOptions}): the options from nuxt.config (plain data and RegExps: a function anywhere
 * throws, naming where it is, `sameorigin.routes./api.headers`) and what Nuxt knows.
 * @example toOptionsModule({ routes: { '/api': 'http://127.0.0.1:8080' } }, { root: '/app', mode: 'development' }, true)
 */
export function toOptionsModule(
  options: SameOriginOptions,
  host: Omit<ServerProxyOptions, keyof SameOriginOptions>,
  dev: boolean,
): string {
  const proxy = `{ ...${toSource(host, 'host')}, ...${toSource(options, 'sameorigin')} }`
  return `export default { dev: ${dev}, proxy: ${proxy} }\n`
}
