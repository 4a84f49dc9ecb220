import { describe, expect, it } from 'vitest'
import { parseRule } from '../../src/rules/parse-rule.ts'

describe('parseRule', () => {
  it.each([
    [
      'a shorthand key',
      'http://b',
      { key: '/api' },
      [
        {
          configPath: "routes['/api']",
          pathConfigPath: "routes['/api']",
          id: '/api',
          source: '/api',
          shorthand: true,
          options: { target: 'http://b' },
        },
      ],
    ],
    [
      'a glob key',
      { target: 'http://b' },
      { key: '/api/**' },
      [{ id: '/api/**', source: '/api', shorthand: false }],
    ],
    ['a key with a quote', 'http://b', { key: "/it's" }, [{ configPath: "routes['/it\\'s']" }]],
    [
      'an entry with one path',
      { path: '/a', target: 'http://b' },
      { index: 3 },
      [{ configPath: 'routes[3]', pathConfigPath: 'routes[3].path', id: '/a' }],
    ],
    [
      'an entry with a context list',
      { context: ['/a', /^\/b/], target: 'http://b' },
      { index: 0 },
      [
        { pathConfigPath: 'routes[0].context[0]', id: '/a', source: '/a' },
        { pathConfigPath: 'routes[0].context[1]', id: '/^\\/b/', source: /^\/b/ },
      ],
    ],
    [
      'pathFilter and proxyTimeout',
      { pathFilter: '/g', target: 'http://b', proxyTimeout: 5 },
      { index: 0 },
      [{ id: '/g', options: { target: 'http://b', timeout: 5 } }],
    ],
    [
      'pathRewrite kept for translation',
      { target: 'http://b', pathRewrite: { '^/a': '' } },
      { key: '/a' },
      [{ options: { target: 'http://b', pathRewrite: { '^/a': '' } } }],
    ],
    [
      'undefined options are absent',
      { target: 'http://b', ws: undefined },
      { key: '/a' },
      [{ options: { target: 'http://b' } }],
    ],
  ] as const)('%s', (_, value, at, expected) => {
    const parsed = parseRule(value, at)
    expect(parsed.issues).toEqual([])
    expect(parsed.rules).toMatchObject(expected)
  })

  it('shares one options object between the paths of an entry (validated once)', () => {
    const { rules } = parseRule({ path: ['/a', '/b'], target: 'http://b' }, { index: 0 })
    expect(rules[0]?.options).toBe(rules[1]?.options)
  })

  it.each([
    [
      'context in the object form',
      { target: 'http://b', context: '/x' },
      { key: '/a' },
      "routes['/a'].context",
      'ERR_RULE_OPTION_UNSUPPORTED',
    ],
    [
      'a function path',
      { path: () => true, target: 'http://b' },
      { index: 0 },
      'routes[0].path',
      'ERR_RULE_OPTION_UNSUPPORTED',
    ],
    [
      'both timeout and proxyTimeout',
      { target: 'http://b', timeout: 1, proxyTimeout: 2 },
      { key: '/a' },
      "routes['/a'].proxyTimeout",
      'ERR_RULE_OPTION_INVALID',
    ],
    [
      'Next.js rewrite keys',
      { source: '/a/:p*', destination: 'http://b/:p*' },
      { index: 0 },
      'routes[0].source',
      'ERR_RULE_OPTION_UNSUPPORTED',
    ],
    [
      'an unknown key on an entry suggests path',
      { paht: '/a', target: 'http://b' },
      { index: 0 },
      'routes[0].paht',
      'ERR_RULE_KEY_UNKNOWN',
    ],
  ] as const)('reports %s', (_, value, at, path, code) => {
    expect(parseRule(value, at).issues[0]).toMatchObject({ path, code, severity: 'error' })
  })

  it('suggests `path` for a typo in an entry key', () => {
    expect(parseRule({ paht: '/a', target: 'http://b' }, { index: 0 }).issues[0]?.message).toBe(
      'is not a route option; did you mean `path`?',
    )
  })
})
