/** What a folder name becomes when nothing of it is usable as a package name. */
export const FALLBACK_PACKAGE_NAME = 'sameorigin-app'

// npm's rules for a name: lowercase, URL-safe, not starting with `.` or `_` (as create-vite checks).
const VALID = /^(?:@[a-z\d\-*~][a-z\d\-*._~]*\/)?[a-z\d\-~][a-z\d\-._~]*$/

/**
 * A valid npm package name made from a folder name: lowercased, accents dropped (`é` → `e`), spaces
 * and other characters npm refuses turned into `-`, leading `.`, `_` and `-` dropped.
 * @example toPackageName('My App') // 'my-app'
 */
export function toPackageName(folderName: string): string {
  const name = folderName
    .trim()
    .toLowerCase()
    // Decomposed, a letter's accents are separate combining marks, which are then dropped.
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[^a-z\d\-._~]+/g, '-')
    .replace(/^[-._]+/, '')
    .replace(/-+$/, '')
  return VALID.test(name) && name.length <= 214 ? name : FALLBACK_PACKAGE_NAME
}
