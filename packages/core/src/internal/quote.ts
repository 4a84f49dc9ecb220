/** `value` as a single-quoted JS string literal, the way fixes show code: `'^/v\\d+'`. */
export function quote(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`
}
