import { readFileSync } from 'node:fs'
import { ERROR_CODES } from './codes.ts'
import type { ErrorCode } from './codes.ts'

/**
 * Where the pages are, relative to this module: `dist/errors/` beside the built files (the build
 * copies `docs/errors/*.md` there, so an installed package has them), then the repository's
 * `docs/errors/` when this runs from `src/errors/` (tests, the monorepo).
 */
const PLACES: readonly string[] = ['./errors/', '../../../../docs/errors/']

/** Pages read so far: an error page is read from disk once per process. */
const pages = new Map<string, string>()

/**
 * {@link readErrorPage} for an error answer: `undefined` instead of an exception when the page cannot
 * be read (a bundler that moved this module away from its pages), so a failure never fails twice.
 */
export function findErrorPage(code: string): string | undefined {
  try {
    return readErrorPage(code)
  } catch {
    return undefined
  }
}

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
  const known = pages.get(code)
  if (known !== undefined) return known
  for (const place of PLACES) {
    try {
      const page = readFileSync(new URL(`${place}${code}.md`, import.meta.url), 'utf8')
      pages.set(code, page)
      return page
    } catch {
      // Not in this place: try the next.
    }
  }
  throw new Error(`The page for ${code} is missing from @sameorigin/core (looked in ${PLACES.join(', ')}).`)
}
