import type { UserConfig } from '../../src/types.ts'
import { describe, expect, it } from 'vitest'
import { DEFAULTS } from '../../src/rules/defaults.ts'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { matchRequest } from '../../src/rules/match-request.ts'

describe('resolveConfig: targets', () => {
  it.each([
    [
      'http://127.0.0.1:8080',
      {
        protocol: 'http:',
        origin: 'http://127.0.0.1:8080',
        hostname: '127.0.0.1',
        port: 8080,
        host: '127.0.0.1:8080',
        basePath: '',
      },
    ],
    ['http://backend', { origin: 'http://backend', port: 80, host: 'backend', basePath: '' }],
    [
      'https://staging.example.com/v1/',
      {
        protocol: 'https:',
        port: 443,
        host: 'staging.example.com',
        basePath: '/v1',
        href: 'https://staging.example.com/v1/',
      },
    ],
    [
      'https://s.example.com:443/a/b',
      { origin: 'https://s.example.com', port: 443, host: 's.example.com', basePath: '/a/b' },
    ],
    [
      'HTTP://Example.COM:80/',
      { origin: 'http://example.com', hostname: 'example.com', port: 80, basePath: '' },
    ],
    [
      'http://[::1]:9000/api',
      { origin: 'http://[::1]:9000', hostname: '::1', host: '[::1]:9000', port: 9000, basePath: '/api' },
    ],
    ['http://b/%7Ev1//', { basePath: '/~v1' }],
  ])('%s', (target, expected) => {
    expect(resolveConfig({ routes: { '/api': target } }).routes[0]?.target).toMatchObject(expected)
  })

  it('substitutes ${VAR} and ${VAR:-default} from options.env', () => {
    const config = resolveConfig(
      {
        routes: {
          '/a': '${A}',
          '/b': '${B:-http://127.0.0.1:9000}/v1',
          '/c': { target: 'http://${HOST}:${PORT:-80}' },
        },
      },
      { env: { A: 'http://a.example', HOST: 'c.example' } },
    )
    expect(config.routes.map((route) => route.target.href)).toEqual([
      'http://a.example/',
      'http://127.0.0.1:9000/v1',
      'http://c.example/',
    ])
  })
})

const tokenHeaders = () => ({ authorization: 'Bearer t' })

describe('resolveConfig: defaults and normalisation', () => {
  it('applies every default', () => {
    const [route] = resolveConfig({ routes: { '/api': 'http://b:1' } }).routes
    expect(route).toMatchObject({
      index: 0,
      id: '/api',
      configPath: "routes['/api']",
      kind: 'prefix',
      source: '/api',
      methods: undefined,
      matchHeaders: undefined,
      headers: {},
      responseHeaders: {},
      rewriteTemplate: undefined,
      rewriteIsFunction: false,
      ws: DEFAULTS.ws,
      timeout: DEFAULTS.timeout,
      connectTimeout: DEFAULTS.connectTimeout,
      changeOrigin: DEFAULTS.changeOrigin,
      xfwd: DEFAULTS.xfwd,
      rewriteOrigin: DEFAULTS.rewriteOrigin,
      cookies: DEFAULTS.cookies,
      redirects: DEFAULTS.redirects,
      secure: DEFAULTS.secure,
      ca: undefined,
    })
  })

  it('keeps a headers function, with no static headers', () => {
    const [route] = resolveConfig({
      routes: { '/api': { target: 'http://b:1', headers: tokenHeaders } },
    }).routes
    expect(route?.headersFunction).toBe(tokenHeaders)
    expect(route?.headers).toEqual({})
    expect(resolveConfig({ routes: { '/api': 'http://b:1' } }).routes[0]?.headersFunction).toBeUndefined()
  })

  it('keeps explicit options and lower-cases header names and methods', () => {
    const [route] = resolveConfig({
      routes: {
        '/api': {
          target: 'http://b:1',
          methods: ['get', 'Post'],
          headers: { 'X-Api-Key': 'dev', Cookie: null },
          responseHeaders: { 'Cache-Control': 'no-store' },
          matchHeaders: { Accept: /json/g },
          ws: false,
          timeout: 0,
          connectTimeout: 500,
          changeOrigin: false,
          secure: false,
          ca: '-----BEGIN CERTIFICATE-----\n...',
        },
      },
    }).routes
    expect([...(route?.methods ?? [])]).toEqual(['GET', 'POST'])
    expect(route?.headers).toEqual({ 'x-api-key': 'dev', cookie: null })
    expect(route?.responseHeaders).toEqual({ 'cache-control': 'no-store' })
    expect(route?.matchHeaders?.accept).toEqual(/json/)
    expect(route).toMatchObject({
      ws: false,
      timeout: 0,
      connectTimeout: 500,
      changeOrigin: false,
      secure: false,
    })
    expect(route?.ca).toEqual(['-----BEGIN CERTIFICATE-----\n...'])
  })

  it('expands an array entry with several paths into one route per path, in order', () => {
    const config = resolveConfig({
      routes: [
        { path: ['/api', /^\/v\d\//, '/users/:id'], target: 'http://b:1' },
        { path: '/x', target: 'http://c:2' },
      ],
    })
    expect(config.routes.map((route) => [route.index, route.id, route.kind, route.configPath])).toEqual([
      [0, '/api', 'prefix', 'routes[0]'],
      [1, '/^\\/v\\d\\//', 'regexp', 'routes[0]'],
      [2, '/users/:id', 'pattern', 'routes[0]'],
      [3, '/x', 'prefix', 'routes[1]'],
    ])
  })

  it('reads `/api/**` (http-proxy-middleware globs) and `/api/` as the prefix `/api`', () => {
    const config = resolveConfig({
      routes: [{ context: ['/api/**', '/auth/'], target: 'http://b:1' }],
    } as never)
    expect(config.routes.map((route) => [route.id, route.kind, route.source])).toEqual([
      ['/api/**', 'prefix', '/api'],
      ['/auth/', 'prefix', '/auth'],
    ])
  })

  it('resolves no routes to an empty list', () => {
    expect(resolveConfig({})).toEqual({
      routes: [],
      logLevel: 'info',
      inspector: { capacity: 500, bodyLimit: 65_536 },
      warnings: [],
      configFile: undefined,
    })
    expect(
      resolveConfig({ routes: [], logLevel: 'debug' }, { configFile: 'sameorigin.config.ts' }),
    ).toMatchObject({ logLevel: 'debug', configFile: 'sameorigin.config.ts' })
  })
})

function request(config: UserConfig, url: string): string | undefined {
  return matchRequest(resolveConfig(config), { method: 'GET', url, headers: {} })?.upstreamUrl
}

function rewrite(path: string): string {
  return path
}

describe('resolveConfig: pasted configs from other tools', () => {
  it("Vite's server.proxy", () => {
    const config = {
      routes: {
        '/foo': 'http://localhost:4567',
        '/api': {
          target: 'http://jsonplaceholder.typicode.com',
          changeOrigin: true,
          rewrite: (path: string) => path.replace(/^\/api/, ''),
        },
        '^/fallback/.*': {
          target: 'http://jsonplaceholder.typicode.com',
          changeOrigin: true,
          rewrite: (path: string) => path.replace(/^\/fallback/, ''),
        },
        '/socket.io': { target: 'ws://localhost:5174', ws: true },
      },
    }
    expect(() => resolveConfig(config)).toThrow(/websocket targets are written with http\(s\)/)
    const fixed = {
      routes: { ...config.routes, '/socket.io': { target: 'http://localhost:5174', ws: true } },
    }
    expect(request(fixed, '/foo/bar')).toBe('http://localhost:4567/foo/bar')
    expect(request(fixed, '/api/todos/1')).toBe('http://jsonplaceholder.typicode.com/todos/1')
    expect(request(fixed, '/fallback/x')).toBe('http://jsonplaceholder.typicode.com/x')
    expect(resolveConfig(fixed).routes[1]).toMatchObject({
      rewriteIsFunction: true,
      rewriteTemplate: undefined,
    })
  })

  it('http-proxy-middleware / webpack-dev-server arrays', () => {
    const config = {
      routes: [
        {
          context: ['/auth', '/api'],
          target: 'http://localhost:3000',
          pathRewrite: { '^/api': '' },
          changeOrigin: true,
          secure: false,
          proxyTimeout: 5000,
          headers: { 'x-dev': '1' },
        },
        { pathFilter: '/graphql', target: 'http://localhost:4000', ws: true, xfwd: false },
      ],
    } as unknown as UserConfig
    const resolved = resolveConfig(config)
    expect(
      resolved.routes.map((route) => [
        route.id,
        route.rewriteTemplate,
        route.rewriteIsFunction,
        route.timeout,
        route.secure,
      ]),
    ).toEqual([
      ['/auth', undefined, false, 5000, false],
      ['/api', '/:path*', false, 5000, false],
      ['/graphql', undefined, false, DEFAULTS.timeout, true],
    ])
    expect(request(config, '/api/users')).toBe('http://localhost:3000/users')
    expect(request(config, '/auth/login')).toBe('http://localhost:3000/auth/login')
    expect(request(config, '/graphql')).toBe('http://localhost:4000/graphql')
    expect(resolved.routes[1]?.toDevPath('/login')).toBe('/api/login')
    expect(resolved.routes[0]?.toDevPath('/auth/done')).toBe('/auth/done')
  })

  it("Angular's proxy.conf.json: accepted, with a warning for the per-route logLevel", () => {
    const config = {
      routes: {
        '/api': {
          target: 'http://localhost:3000',
          secure: false,
          changeOrigin: true,
          pathRewrite: { '^/api': '/v2' },
          logLevel: 'debug',
        },
      },
    } as unknown as UserConfig
    const resolved = resolveConfig(config)
    expect(resolved.routes[0]).toMatchObject({ rewriteTemplate: '/v2/:path*', secure: false })
    expect(resolved.warnings).toEqual([
      expect.objectContaining({
        code: 'ERR_RULE_OPTION_UNSUPPORTED',
        severity: 'warning',
        path: "routes['/api'].logLevel",
      }),
    ])
    expect(request(config, '/api/users?x=1')).toBe('http://localhost:3000/v2/users?x=1')
  })
})

describe('resolveConfig: warnings', () => {
  it('reports unknown top-level keys with a did-you-mean, and shadowed routes', () => {
    const config = resolveConfig({
      proxy: {},
      logLevl: 'debug',
      routes: { '/api': 'http://a:1', '/api/users': 'http://b:2' },
    } as unknown as UserConfig)
    expect(config.warnings.map((warning) => [warning.code, warning.path, warning.message])).toEqual([
      [
        'ERR_CONFIG_KEY_UNKNOWN',
        'proxy',
        'is not a sameorigin option and is ignored; did you mean `routes`?',
      ],
      [
        'ERR_CONFIG_KEY_UNKNOWN',
        'logLevl',
        'is not a sameorigin option and is ignored; did you mean `logLevel`?',
      ],
      [
        'ERR_RULE_SHADOWED',
        "routes['/api/users']",
        "'/api/users' can never match: routes['/api'] ('/api') comes first and matches every request it would",
      ],
    ])
    expect(config.warnings.every((warning) => warning.severity === 'warning')).toBe(true)
  })
})

describe('resolveConfig: immutability', () => {
  it('deep-freezes the result', () => {
    const config = resolveConfig({
      routes: {
        '/api': {
          target: 'http://b:1',
          methods: ['GET'],
          headers: { a: 'b' },
          matchHeaders: { accept: /json/ },
        },
        '^/v\\d': 'http://c:1',
      },
    })
    const route = config.routes[0]!
    const regexpRoute = config.routes[1]!
    const methods = route.methods as Set<string>
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.routes)).toBe(true)
    expect(Object.isFrozen(config.warnings)).toBe(true)
    expect(Object.isFrozen(route)).toBe(true)
    expect(Object.isFrozen(route.target)).toBe(true)
    expect(Object.isFrozen(route.headers)).toBe(true)
    expect(Object.isFrozen(route.matchHeaders?.accept)).toBe(true)
    expect(Object.isFrozen(regexpRoute.source)).toBe(true)
    expect(() => methods.add('POST')).toThrow(TypeError)
    expect(() => methods.delete('GET')).toThrow(TypeError)
    expect(() => methods.clear()).toThrow(TypeError)
    expect(methods.has('GET')).toBe(true)
    expect(matchRequest(config, { method: 'GET', url: '/v1', headers: {} })?.route).toBe(regexpRoute)
  })

  it('never mutates or freezes the caller input', () => {
    const matchHeaders = { accept: /json/g }
    const ca = new Uint8Array([1, 2, 3])
    const input = {
      routes: [
        {
          path: ['/a', '/b'],
          target: '${T:-http://b:1}',
          headers: { 'X-A': '1' },
          methods: ['get'],
          matchHeaders,
          rewrite,
          ca,
        },
      ],
    }
    const snapshot = structuredClone({
      ...input,
      routes: [{ ...input.routes[0], rewrite: undefined, matchHeaders: undefined }],
    })
    const resolved = resolveConfig(input as unknown as UserConfig)
    expect({
      ...input,
      routes: [{ ...input.routes[0], rewrite: undefined, matchHeaders: undefined }],
    }).toEqual(snapshot)
    expect(Object.isFrozen(input)).toBe(false)
    expect(Object.isFrozen(input.routes[0])).toBe(false)
    expect(Object.isFrozen(rewrite)).toBe(false)
    expect(Object.isFrozen(matchHeaders.accept)).toBe(false)
    expect(matchHeaders.accept.flags).toBe('g')
    ca[0] = 9
    expect(resolved.routes[0]?.ca?.[0]).toEqual(new Uint8Array([1, 2, 3]))
  })
})
