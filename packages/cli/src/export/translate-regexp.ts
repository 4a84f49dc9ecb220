/** A JavaScript RegExp written in the syntax PCRE (nginx) and RE2 (Caddy) share. */
export interface TranslatedRegExp {
  /** The expression, flags as an inline group in front (`(?i)`), named groups written `(?P<name>...)`. */
  readonly source: string
  /** Per capturing group (index 0 is group 1): its name, or `undefined` when unnamed. */
  readonly groups: readonly (string | undefined)[]
}

// Escapes that mean the same in JavaScript, PCRE and RE2. Left out: back-references (`\1`, `\k<n>`:
// RE2 has none), `\u`, `\p`, `\c` (PCRE and RE2 write them otherwise) and `\0`.
const PORTABLE_ESCAPE = /^[-dDwWsSbBnrtfv.*+?^$|()[\]{}/\\]$/
const GROUP_NAME = /^[A-Za-z_]\w*$/
const FLAG_GROUP: Readonly<Record<string, string>> = { i: 'i', m: 'm', s: 's' }

/**
 * Translates a route's RegExp into the common subset of PCRE and RE2, or `undefined` when it uses
 * what either lacks: lookaround, back-references, `\u`/`\p` escapes, `[^]`, flags other than
 * `i`, `m`, `s`, `u` and `d`. The expression keeps its own anchoring (JavaScript tests it anywhere in
 * the path, as `location ~` and Caddy's `path_regexp` do).
 * @example translateRegExp(/^\/v(?<n>\d+)\//i) // { source: '(?i)^\/v(?P<n>\d+)\/', groups: ['n'] }
 */
export function translateRegExp(regexp: RegExp): TranslatedRegExp | undefined {
  let flags = ''
  for (const flag of regexp.flags) {
    if (flag === 'u' || flag === 'd' || flag === 'g' || flag === 'y') continue
    const inline = FLAG_GROUP[flag]
    if (inline === undefined) return undefined
    flags += inline
  }
  const body = translateBody(regexp.source)
  if (body === undefined) return undefined
  return { source: (flags === '' ? '' : `(?${flags})`) + body.source, groups: body.groups }
}

function translateBody(source: string): TranslatedRegExp | undefined {
  const groups: (string | undefined)[] = []
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string
    if (char === '\\') {
      const next = source[i + 1] ?? ''
      if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) {
        out += source.slice(i, i + 4)
        i += 3
        continue
      }
      if (!PORTABLE_ESCAPE.test(next)) return undefined
      out += char + next
      i++
    } else if (inClass) {
      if (char === ']') inClass = false
      out += char
    } else if (char === '[') {
      // `[]` matches nothing and `[^]` anything in JavaScript; PCRE and RE2 read both otherwise.
      if (source[i + 1] === ']' || source.slice(i + 1, i + 3) === '^]') return undefined
      inClass = true
      out += char
    } else if (char === '(') {
      const group = readGroup(source, i)
      if (group === undefined) return undefined
      if (group.capturing) groups.push(group.name)
      out += group.text
      i += group.length - 1
    } else {
      out += char
    }
  }
  return { source: out, groups }
}

/** The opening of a group at `at`: its text in the common syntax and whether (and how) it captures. */
function readGroup(
  source: string,
  at: number,
): { text: string; length: number; capturing: boolean; name?: string } | undefined {
  if (source[at + 1] !== '?') return { text: '(', length: 1, capturing: true }
  if (source[at + 2] === ':') return { text: '(?:', length: 3, capturing: false }
  const named = /^\(\?<([^>=!]*)>/.exec(source.slice(at))
  if (named === null) return undefined // lookahead or lookbehind
  const name = named[1] as string
  if (!GROUP_NAME.test(name)) return undefined
  return { text: `(?P<${name}>`, length: named[0].length, capturing: true, name }
}
