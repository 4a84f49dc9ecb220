/**
 * `text` as a literal in the replacement of Go's `Regexp.ReplaceAllString`, where `$` starts a
 * group reference: each `$` doubled.
 */
export function escapeReplacement(text: string): string {
  return text.replaceAll('$', '$$$$')
}
