/** The adapters that re-export `defineConfig`, in the order a hint names them. */
const ADAPTERS = [
  '@sameorigin/vite',
  '@sameorigin/next',
  '@sameorigin/webpack',
  '@sameorigin/rsbuild',
  'unplugin-sameorigin',
]

/** What a config file that imports a module it cannot find needs: what is missing, and what to do. */
export interface MissingModule {
  /** The package (`@sameorigin/core`, `zod`) or the relative path that was not found. */
  readonly specifier: string
  readonly hint: string
}

/** The package a bare specifier belongs to: `@scope/name` or `name`, without a subpath. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

/**
 * Reads a config file's load error as "a module is not found" (Node's `MODULE_NOT_FOUND` /
 * `ERR_MODULE_NOT_FOUND`, or jiti's `Cannot find module 'x'`) and says what to do. `@sameorigin/core`
 * imported where only an adapter is installed (pnpm does not hoist it) gets the adapter's own
 * `defineConfig` import, naming the adapter the project depends on (`installed`, from its
 * package.json). Anything else is `undefined`.
 * @example describeMissingModule(new Error("Cannot find module '@sameorigin/core'"), ['@sameorigin/vite'])
 */
export function describeMissingModule(
  error: unknown,
  installed: readonly string[],
): MissingModule | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  const named = /Cannot find (?:module|package) ['"]([^'"]+)['"]/.exec(error.message)?.[1]
  if (named === undefined || (code !== undefined && !String(code).includes('MODULE_NOT_FOUND'))) {
    return undefined
  }
  if (named.startsWith('.') || named.startsWith('/') || named.startsWith('file:')) {
    return { specifier: named, hint: `Check the path ${named} imported by the config file.` }
  }
  const name = packageOf(named)
  if (name === '@sameorigin/core') {
    const adapter = ADAPTERS.find((candidate) => installed.includes(candidate))
    const from = adapter ?? ADAPTERS[0]
    const which =
      adapter === undefined ? `the sameorigin adapter you installed (${ADAPTERS.join(', ')})` : adapter
    return {
      specifier: name,
      hint: `@sameorigin/core is not installed where the config file can import it (pnpm does not hoist an adapter's dependencies). Import defineConfig from ${which}: import { defineConfig } from '${from}', or install it: npm i -D @sameorigin/core.`,
    }
  }
  return {
    specifier: name,
    hint: `Install ${name} (npm i -D ${name}), or remove its import from the config file.`,
  }
}
