/**
 * True when `value` contains a C0 control character or DEL. A horizontal tab is allowed when
 * `allowTab` is set (header values may contain it; request targets may not).
 */
export function hasControlCharacter(value: string, allowTab = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if ((code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f) return true
  }
  return false
}
