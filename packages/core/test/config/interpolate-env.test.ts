import { describe, expect, it } from 'vitest'
import { interpolateEnv } from '../../src/config/interpolate-env.ts'

describe('interpolateEnv', () => {
  const env = { API: 'http://api:8080', EMPTY: '', PORT: '9000', NESTED: '${API}' }
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', []],
    ['${API}', 'http://api:8080', []],
    ['${API}/v1', 'http://api:8080/v1', []],
    ['http://127.0.0.1:${PORT}', 'http://127.0.0.1:9000', []],
    ['${MISSING:-http://fallback:1}', 'http://fallback:1', []],
    ['${EMPTY:-http://fallback:1}', 'http://fallback:1', []],
    ['${API:-http://fallback:1}', 'http://api:8080', []],
    ['${MISSING:-}', '', []],
    ['${MISSING}', '', ['MISSING']],
    ['${EMPTY}', '', ['EMPTY']],
    ['${A}${B}${A}', '', ['A', 'B']],
    ['${NESTED}', '${API}', []],
    ['$API and ${1X} and ${API', '$API and ${1X} and ${API', []],
    ['${constructor}', '', ['constructor']],
    ['${toString:-x}', 'x', []],
  ])('%s → %j (missing %j)', (value, expected, missing) => {
    expect(interpolateEnv(value, env)).toEqual({ value: expected, missing })
  })

  it('does not modify env', () => {
    const input = { A: 'x' }
    interpolateEnv('${A}${B:-y}', input)
    expect(input).toEqual({ A: 'x' })
  })
})
