import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The repository root. */
export const REPO: string = fileURLToPath(new URL('../../../../', import.meta.url))

/**
 * Loads a dev tool the way an example app does (from that example's dependencies): the CLI does not
 * depend on the tools it edits configs for, and the tests use the real ones.
 * @example const vite = await importFromExample<ViteModule>('vite-react', 'vite')
 */
export async function importFromExample<T>(example: string, id: string): Promise<T> {
  const require = createRequire(join(REPO, 'examples', example, 'package.json'))
  return (await import(pathToFileURL(require.resolve(id)).href)) as T
}

/** `require` as seen from an installed package of an example (for a tool's own dependencies). */
export function requireFromPackage(example: string, id: string): NodeJS.Require {
  const fromExample = createRequire(join(REPO, 'examples', example, 'package.json'))
  return createRequire(fromExample.resolve(`${id}/package.json`))
}
