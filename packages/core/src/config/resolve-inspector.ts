import { describeValue } from '../internal/describe-value.ts'
import { DEFAULTS } from '../rules/defaults.ts'
import type { ConfigIssue, ResolvedInspector } from '../types.ts'

/** The bounds of each `inspector` size: at most this many exchanges, and bytes of a body. */
const LIMITS = { capacity: [1, 10_000], bodyLimit: [0, 1024 * 1024] } as const
type SizeKey = keyof typeof LIMITS

/**
 * `UserConfig.inspector` with its defaults (`true` or nothing: on, 500 exchanges, 64 KiB of each
 * body), or `false`. A bad value is an issue naming the key, and the inspector stays at its default
 * so the other problems still show.
 * @example resolveInspector({ capacity: 2000 }, issues) // { capacity: 2000, bodyLimit: 65536 }
 */
export function resolveInspector(value: unknown, issues: ConfigIssue[]): ResolvedInspector {
  if (value === false) return false
  if (value === undefined || value === true) return DEFAULTS.inspector
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(
      issue(
        'inspector',
        `must be true, false or { capacity, bodyLimit }, got ${describeValue(value)}`,
        'inspector: false',
      ),
    )
    return DEFAULTS.inspector
  }
  const sizes: Record<SizeKey, number> = { ...DEFAULTS.inspector }
  for (const [key, size] of Object.entries(value)) {
    if (!Object.hasOwn(LIMITS, key)) {
      const message = 'is not an inspector option'
      issues.push(issue(`inspector.${key}`, message, 'inspector: { capacity: 500, bodyLimit: 65536 }'))
      continue
    }
    const [min, max] = LIMITS[key as SizeKey]
    if (size === undefined) continue
    if (typeof size !== 'number' || !Number.isInteger(size) || size < min || size > max) {
      const message = `must be a whole number from ${min} to ${max}, got ${describeValue(size)}`
      issues.push(
        issue(`inspector.${key}`, message, `inspector: { ${key}: ${DEFAULTS.inspector[key as SizeKey]} }`),
      )
      continue
    }
    sizes[key as SizeKey] = size
  }
  return Object.freeze(sizes)
}

function issue(path: string, message: string, fix: string): ConfigIssue {
  return { code: 'ERR_CONFIG_VALUE_INVALID', severity: 'error', path, message, fix }
}
