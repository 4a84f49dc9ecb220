import type { CodeStyle } from './code-style.ts'
import { quoteString } from './code-style.ts'
import type { StaticValue } from './read-static-value.ts'
import { EnvString, FunctionValue, isStaticObject } from './read-static-value.ts'

// Objects and arrays that fit stay on one line, as people write short route options.
const MAX_LINE = 100
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** An object key as written in code: bare when it is an identifier, quoted otherwise. */
export function serializeKey(key: string, style: CodeStyle): string {
  return IDENTIFIER.test(key) ? key : quoteString(key, style)
}

/**
 * `value` as source code in `style`, for a position indented `level` times (used for the lines of a
 * multi-line object or array). Functions are written as their source; RegExps as literals.
 */
export function serializeValue(value: StaticValue, style: CodeStyle, level: number): string {
  if (value === undefined) return 'undefined'
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return quoteString(value, style)
  if (value instanceof EnvString) return quoteString(value.text, style)
  if (value instanceof FunctionValue) return value.code
  if (value instanceof RegExp) return String(value)
  if (Array.isArray(value)) {
    const items = (value as readonly StaticValue[]).map((item) => serializeValue(item, style, level + 1))
    return wrap('[', ']', items, style, level)
  }
  if (isStaticObject(value)) {
    const members = Object.entries(value).map(([key, item]) =>
      // A method keeps its own shorthand form (`rewrite(path) { ... }`): its source names the key.
      item instanceof FunctionValue && item.isMethod
        ? item.code
        : `${serializeKey(key, style)}: ${serializeValue(item, style, level + 1)}`,
    )
    return members.length === 0 ? '{}' : wrap('{ ', ' }', members, style, level)
  }
  return String(value)
}

function wrap(
  open: string,
  close: string,
  items: readonly string[],
  style: CodeStyle,
  level: number,
): string {
  const single = `${open}${items.join(', ')}${close}`
  const fits = !single.includes('\n') && style.indent.length * level + single.length <= MAX_LINE - 20
  if (fits) return single
  const inner = style.indent.repeat(level + 1)
  const lines = items.map((item, index) => {
    const comma = index < items.length - 1 || style.trailingComma ? ',' : ''
    return `${inner}${item}${comma}`
  })
  return `${open.trim()}\n${lines.join('\n')}\n${style.indent.repeat(level)}${close.trim()}`
}
