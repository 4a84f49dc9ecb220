import { readFile } from 'node:fs/promises'

/**
 * Where the page's files are, relative to this module: `inspector-ui/` beside `dist/` in an installed
 * package (the built module is `dist/*.mjs`), then `../../inspector-ui/` from `src/inspector/`
 * (tests, the monorepo).
 */
const PLACES: readonly string[] = ['../inspector-ui/', '../../inspector-ui/']

/**
 * Reads one of the inspector page's files shipped in `@sameorigin/core` (its `inspector-ui/`
 * folder): the `assets` option of `createInspectorHandler` on Node. `undefined` when missing.
 * @example createInspectorHandler(log, { assets: readInspectorAsset })
 */
export async function readInspectorAsset(name: string): Promise<Uint8Array | undefined> {
  if (!/^[a-z-]+\.(html|css|js)$/.test(name)) return undefined
  for (const place of PLACES) {
    try {
      return new Uint8Array(await readFile(new URL(`${place}${name}`, import.meta.url)))
    } catch {
      // Not in this place: try the next.
    }
  }
  return undefined
}
