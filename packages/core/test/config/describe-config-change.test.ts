import { describe, expect, it } from 'vitest'
import { describeConfigChange } from '../../src/config/describe-config-change.ts'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import type { UserConfig } from '../../src/types.ts'

const routes = { '/api': 'http://127.0.0.1:8080' }
const change = (before: UserConfig, after: UserConfig): string =>
  describeConfigChange(resolveConfig({ routes, ...before }), resolveConfig({ routes, ...after }))

describe('describeConfigChange', () => {
  it('says nothing changed, routes first', () => {
    expect(change({}, {})).toBe('routes unchanged')
    expect(change({}, { routes: { '/api': 'http://127.0.0.1:8081' } })).toBe(
      'routes changed /api → http://127.0.0.1:8081/ (was http://127.0.0.1:8080/)',
    )
  })

  it('names the inspector turned off and on', () => {
    expect(change({}, { inspector: false })).toBe(
      'routes unchanged; inspector off (no page, no recording, no report of blocked calls)',
    )
    expect(change({ inspector: false }, {})).toBe('routes unchanged; inspector on')
    expect(change({ inspector: false }, { inspector: false })).toBe('routes unchanged')
    expect(change({ inspector: true }, {})).toBe('routes unchanged')
  })

  it('names new inspector sizes, which apply from the next start', () => {
    expect(change({}, { inspector: { capacity: 2000 } })).toBe(
      'routes unchanged; inspector capacity 2000, bodyLimit 65536 from the next start (was 500, 65536)',
    )
  })

  it('puts logLevel and the inspector after the routes', () => {
    expect(change({}, { logLevel: 'debug', inspector: false, routes: {} })).toBe(
      'routes removed /api; logLevel debug; inspector off (no page, no recording, no report of blocked calls)',
    )
  })
})
