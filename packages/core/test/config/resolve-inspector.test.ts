import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'

/** The issues `resolveConfig` throws for `inspector`, as `path: message | fix`. */
function problems(inspector: unknown): string[] {
  try {
    resolveConfig({ inspector } as never)
  } catch (error) {
    if (!isProxyError(error)) throw error
    return error.issues.map((issue) => `${issue.path}: ${issue.message} | ${issue.fix ?? ''}`)
  }
  return []
}

describe('the inspector key', () => {
  it('is on with 500 exchanges and 64 KiB a body unless the config says otherwise', () => {
    expect(resolveConfig({}).inspector).toEqual({ capacity: 500, bodyLimit: 65_536 })
    expect(resolveConfig({ inspector: true }).inspector).toEqual({ capacity: 500, bodyLimit: 65_536 })
    expect(resolveConfig({ inspector: false }).inspector).toBe(false)
    expect(resolveConfig({ inspector: { capacity: 2000 } }).inspector).toEqual({
      capacity: 2000,
      bodyLimit: 65_536,
    })
    expect(resolveConfig({ inspector: { bodyLimit: 0, capacity: 1 } }).inspector).toEqual({
      capacity: 1,
      bodyLimit: 0,
    })
  })

  it('names the key, what is wrong and a fix for every bad value, all at once', () => {
    expect(problems('off')).toEqual([
      "inspector: must be true, false or { capacity, bodyLimit }, got the string 'off' | inspector: false",
    ])
    expect(problems({ capacity: 0, bodyLimit: 2 * 1024 * 1024, size: 3 })).toEqual([
      'inspector.capacity: must be a whole number from 1 to 10000, got 0 | inspector: { capacity: 500 }',
      'inspector.bodyLimit: must be a whole number from 0 to 1048576, got 2097152 | inspector: { bodyLimit: 65536 }',
      'inspector.size: is not an inspector option | inspector: { capacity: 500, bodyLimit: 65536 }',
    ])
    expect(problems({ capacity: 1.5 })).toEqual([
      'inspector.capacity: must be a whole number from 1 to 10000, got 1.5 | inspector: { capacity: 500 }',
    ])
  })

  it('is a known top-level key: no unknown-key warning', () => {
    expect(resolveConfig({ inspector: false }).warnings).toEqual([])
  })
})
