/** Longest request path written into a log line; the rest is cut with `…`. */
const MAX_LENGTH = 300

/**
 * Makes a client-controlled value safe for one log line: control characters (CR/LF would forge log
 * lines, ESC would drive the terminal, CWE-117) become `\xNN`, and long values are shortened.
 */
export function toLogSafe(value: string): string {
  const cut = value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value
  return cut.replace(
    // oxlint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}
