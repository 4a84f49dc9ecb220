import { detectCodeFormat } from 'magicast'

/** How a file is written, so what init adds looks like what is already there. */
export interface CodeStyle {
  readonly quote: "'" | '"'
  readonly semi: boolean
  /** One level of indentation: two spaces, four spaces or a tab. */
  readonly indent: string
  /** Multi-line objects and arrays end with a comma. */
  readonly trailingComma: boolean
}

/** The style of most JavaScript written today (and of the snippets in our READMEs). */
export const DEFAULT_STYLE: CodeStyle = { quote: "'", semi: false, indent: '  ', trailingComma: true }

/**
 * Reads the style of `code`: quotes and semicolons by majority (magicast's detection), indentation
 * from the first indented line, and trailing commas from a multi-line object or array that ends with
 * one. Empty code gets {@link DEFAULT_STYLE}.
 */
export function detectCodeStyle(code: string): CodeStyle {
  if (code.trim() === '') return DEFAULT_STYLE
  const format = detectCodeFormat(code)
  // The first indented line that is not inside a block comment (` * @type`).
  const indent = /^([ \t]+)[^\s*]/m.exec(code)?.[1]
  // Quotes by count of string literals (magicast falls back to double quotes when there are none).
  const singles = code.match(/'[^'\n]*'/g)?.length ?? 0
  const doubles = code.match(/"[^"\n]*"/g)?.length ?? 0
  return {
    quote: doubles > singles ? '"' : "'",
    semi: format.useSemi === true,
    indent: indent === undefined ? '  ' : indent.startsWith('\t') ? '\t' : indent,
    trailingComma: /,[ \t]*\r?\n[ \t]*[}\]]/.test(code),
  }
}

/** `value` as a string literal in `style`'s quotes. */
export function quoteString(value: string, style: CodeStyle): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replaceAll(style.quote, `\\${style.quote}`)
  return `${style.quote}${escaped}${style.quote}`
}

/** A statement's end in `style`: `;` or nothing. */
export function endStatement(style: CodeStyle): string {
  return style.semi ? ';' : ''
}
