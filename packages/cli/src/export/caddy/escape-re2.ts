/**
 * `text` as a literal in a Go (RE2) regular expression: every metacharacter behind a backslash.
 * @example escapeRe2('127.0.0.1:8080') // '127\\.0\\.0\\.1:8080'
 */
export function escapeRe2(text: string): string {
  return text.replaceAll(/[\\^$.|?*+()[\]{}]/g, String.raw`\$&`)
}
