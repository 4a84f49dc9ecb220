import { readFileSync } from 'node:fs'
import { ERROR_CODES } from './codes.ts'
import type { ErrorCode } from './codes.ts'

/**
 * Where the pages are, relative to this module: `dist/errors/` beside the built files (the build
 * copies `docs/errors/*.md` there, so an installed package has them), then the repository's
 * `docs/errors/` when this runs from `src/errors/` (tests, the monorepo).
 */
const PLACES: readonly string[] = ['./errors/', '../../../../docs/errors/']

/** True when `code` is a code of the registry (and so a safe file name). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code)
}

/**
 * The Markdown page that explains an error code: why it occurs, how to fix it, links. The same text
 * as `docs/errors/<code>.md` in the repository, shipped inside the package so it can be read offline
 * (`sameorigin explain <code>`).
 * @returns the page, or `undefined` for a code that is not in the registry.
 * @example readErrorPage('ERR_CONFIG_INVALID') // '# ERR_CONFIG_INVALID\n\n> Invalid sameorigin config…'
 */
export function readErrorPage(code: string): string | undefined {
  if (!isErrorCode(code)) return undefined
  for (const place of PLACES) {
    try {
      return readFileSync(new URL(`${place}${code}.md`, import.meta.url), 'utf8')
    } catch {
      // Not in this place: try the next.
    }
  }
  throw new Error(`The page for ${code} is missing from @sameorigin/core (looked in ${PLACES.join(', ')}).`)
}
