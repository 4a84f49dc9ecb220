/**
 * Byte-level escaping for mock file and folder names: what the browser sent, readable where it is
 * plain ASCII, and never anything a file system could read as a separator, a device, a climb or a
 * different name (Unicode is escaped as its UTF-8 bytes, so no two spellings of one character meet).
 */

/** Longest escaped name part kept whole; longer ones keep a prefix and a hash of the whole. */
const MAX_PART = 120
const PREFIX = 60

/**
 * The bytes a percent-encoded string stands for: `%XX` is one byte, other characters are taken as
 * their char code (the normalised path is ASCII). With `plusIsSpace`, `+` is a space (a query).
 */
export function toBytes(text: string, plusIsSpace = false): number[] {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    const hex = char === 0x25 ? text.slice(i + 1, i + 3) : ''
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else if (char === 0x2b && plusIsSpace) bytes.push(0x20)
    else if (char < 0x80) bytes.push(char)
    else for (const byte of new TextEncoder().encode(text[i])) bytes.push(byte)
  }
  return bytes
}

/** `bytes` with every byte outside `safe` written `%XX` (upper-case hex). */
export function escapeBytes(bytes: readonly number[], safe: RegExp): string {
  let out = ''
  for (const byte of bytes) {
    const char = String.fromCharCode(byte)
    out += byte < 0x80 && safe.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** `name` itself when short enough, else its first characters (never cutting an escape), `~` and a hash. */
export function capLength(name: string): string {
  if (name.length <= MAX_PART) return name
  let prefix = name.slice(0, PREFIX)
  const escape = prefix.lastIndexOf('%')
  if (escape > PREFIX - 3) prefix = prefix.slice(0, escape)
  return `${prefix}~${hashText(name)}`
}

/**
 * A 53-bit hash of `text` as hex (cyrb53, public domain): stable across runs and platforms, pure, and
 * enough to tell long names apart in one folder. Not a security measure: names are escaped anyway.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ char, 2_654_435_761)
    h2 = Math.imul(h2 ^ char, 1_597_334_677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909)
  return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
