import type { UserConfig } from '../../src/types.ts'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'

function shadowed(routes: UserConfig['routes']): string[] {
  return resolveConfig({ routes })
    .warnings.filter((warning) => warning.code === 'ERR_RULE_SHADOWED')
    .map((warning) => warning.message.slice(1, warning.message.indexOf("' can never")))
}

const T = 'http://b:1'

describe('findShadowedRoutes', () => {
  it.each([
    [
      'a prefix before a longer prefix',
      [
        { path: '/api', target: T },
        { path: '/api/users', target: T },
      ],
      ['/api/users'],
    ],
    [
      'the same prefix twice',
      [
        { path: '/api', target: T },
        { path: '/api/', target: T },
      ],
      ['/api/'],
    ],
    [
      'a prefix before a pattern below it',
      [
        { path: '/api', target: T },
        { path: '/api/users/:id', target: T },
      ],
      ['/api/users/:id'],
    ],
    [
      'a prefix before a pattern with an optional segment',
      [
        { path: '/api', target: T },
        { path: '/api/:id?', target: T },
      ],
      ['/api/:id?'],
    ],
    [
      'the root before anything',
      [
        { path: '/', target: T },
        { path: '/x', target: T },
        { path: /^\/y/, target: T },
      ],
      ['/x', '/^\\/y/'],
    ],
    [
      'a catch-all pattern before anything',
      [
        { path: '/:path*', target: T },
        { path: '/x', target: T },
        { path: '^/y', target: T },
      ],
      ['/x', '^/y'],
    ],
    [
      '/x/:path* before /x',
      [
        { path: '/x/:path*', target: T },
        { path: '/x', target: T },
      ],
      ['/x'],
    ],
    [
      '/x/:path+ before /x/y',
      [
        { path: '/x/:path+', target: T },
        { path: '/x/y', target: T },
      ],
      ['/x/y'],
    ],
    [
      'the same pattern twice',
      [
        { path: '/u/:id', target: T },
        { path: '/u/:id', target: T },
      ],
      ['/u/:id'],
    ],
    [
      'the same RegExp twice',
      [
        { path: /^\/a/, target: T },
        { path: /^\/a/, target: T },
      ],
      ['/^\\/a/'],
    ],
    [
      'a later route with conditions is still shadowed',
      [
        { path: '/api', target: T },
        { path: '/api/x', target: T, methods: ['GET'] },
      ],
      ['/api/x'],
    ],
    // Not certain, so not reported:
    [
      'a longer prefix before a shorter one',
      [
        { path: '/api/users', target: T },
        { path: '/api', target: T },
      ],
      [],
    ],
    [
      'a sibling that shares letters',
      [
        { path: '/api', target: T },
        { path: '/apix', target: T },
      ],
      [],
    ],
    [
      'an earlier route with methods',
      [
        { path: '/api', target: T, methods: ['GET'] },
        { path: '/api/x', target: T },
      ],
      [],
    ],
    [
      'an earlier route with header conditions',
      [
        { path: '/api', target: T, matchHeaders: { accept: /json/ } },
        { path: '/api/x', target: T },
      ],
      [],
    ],
    [
      'a prefix before a RegExp',
      [
        { path: '/api', target: T },
        { path: /^\/api\/x/, target: T },
      ],
      [],
    ],
    [
      'a RegExp before a prefix',
      [
        { path: /^\/api/, target: T },
        { path: '/api/x', target: T },
      ],
      [],
    ],
    [
      '/x/:path+ before /x (it does not match /x)',
      [
        { path: '/x/:path+', target: T },
        { path: '/x', target: T },
      ],
      [],
    ],
    [
      'a one-segment pattern before a prefix',
      [
        { path: '/u/:id', target: T },
        { path: '/u/1', target: T },
      ],
      [],
    ],
    [
      'a prefix before a pattern glued to it',
      [
        { path: '/api', target: T },
        { path: '/api:v', target: T },
      ],
      [],
    ],
  ] as const)('%s', (_, routes, expected) => {
    expect(shadowed(routes as unknown as UserConfig['routes'])).toEqual(expected)
  })

  it('names the earlier route and the fix', () => {
    const [warning] = resolveConfig({ routes: { '/api': T, '/api/users': T } }).warnings
    expect(warning).toEqual({
      code: 'ERR_RULE_SHADOWED',
      severity: 'warning',
      path: "routes['/api/users']",
      message:
        "'/api/users' can never match: routes['/api'] ('/api') comes first and matches every request it would",
      fix: "move routes['/api/users'] above routes['/api']",
    })
  })
})
