/** Printable ASCII but `'`, and any non-ASCII character: safe inside single quotes as it is. */
const PLAIN = /^[\x20-\x26\x28-\x7e\u0080-\u{10ffff}]*$/u

/** Control characters ANSI-C quoting has names for, written by name for a readable command. */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` as one POSIX shell word: in single quotes (`'` written `'\''`), or, when it holds control
 * characters (a line break in a body), in ANSI-C quotes (`$'…'`, bash and zsh) with those characters,
 * `\`, `'` and `!` (history expansion in an interactive shell) escaped. Throws on a NUL character,
 * which no shell word can hold.
 * @example quoteShell("it's") // → 'it'\''s'
 * @example quoteShell('a\nb') // → $'a\nb'
 */
export function quoteShell(text: string): string {
  if (text.includes('\0')) throw new RangeError('a shell word cannot hold a NUL character')
  if (PLAIN.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`
  let quoted = "$'"
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const named = NAMED[char]
    if (char === '\\' || char === "'") quoted += `\\${char}`
    else if (named !== undefined) quoted += named
    // Two hex digits always: `\x0a` followed by `f` still reads as a line break and an `f`.
    else if (code < 0x20 || code === 0x7f || char === '!')
      quoted += `\\x${code.toString(16).padStart(2, '0')}`
    else quoted += char
  }
  return `${quoted}'`
}
