/** `lines` one tab further in (empty lines stay empty). */
export function indent(lines: readonly string[]): string[] {
  return lines.map((line) => (line === '' ? '' : `\t${line}`))
}
