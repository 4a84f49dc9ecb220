// Hostile input gets a typed answer, never a crash. A TypeError from deep inside the rules ("cannot
// read properties of undefined") on some request path or config value is a 500, or a dead dev
// server, and a message nobody can act on. Every function of the pure cores is fed arbitrary input
// (any JavaScript value where it takes user config, any code units where it takes request text, any
// header record, mappers that throw) and must either answer or throw a ProxyError whose code its
// documentation names, and whose page exists in docs/errors/. The rewriters are documented to never
// throw at all.
import { existsSync } from 'node:fs'
import type { ErrorCode, ResolvedConfig, RouteEntry, UserConfig } from '@sameorigin/core'
import { ERROR_CODES, isProxyError } from '@sameorigin/core'
import type { ReadonlyHeaderRecord } from '@sameorigin/core/rewrite'
import {
  rewriteLocation,
  rewriteRefresh,
  rewriteRequestCookie,
  rewriteSetCookie,
  stripHopByHop,
  toClientHeaders,
  toDevOrigin,
  parseRequestBody,
  toUpstreamHeaders,
} from '@sameorigin/core/rewrite'
import type { RequestBody } from '@sameorigin/core/rewrite'
import {
  compileMatcher,
  didYouMean,
  findShadowedRoutes,
  matchRequest,
  normalizePath,
  parsePattern,
  parseRequestTarget,
  parseRoutes,
  parseTarget,
  removeDotSegments,
  validateRules,
} from '@sameorigin/core/rules'
import { interpolateEnv, resolveConfig } from '@sameorigin/core/config'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostilePath, routeSet } from '../src/arbitraries.ts'
import { checkProperty, HELD } from '../src/check-property.ts'

/** Values of every JavaScript kind, as a config file written in JavaScript could hold. */
const anyValue = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withBoxedValues: true,
  }),
  fc.constantFrom(
    () => '/x',
    () => {
      throw new Error('user code')
    },
    async () => '/x',
    /^\/api/,
    /(?<g>x)/g,
    Symbol('s'),
    Number.NaN,
    -0,
    Infinity,
  ),
)

const OPTION_KEYS = [
  'target',
  'path',
  'rewrite',
  'methods',
  'matchHeaders',
  'headers',
  'responseHeaders',
  'ws',
  'timeout',
  'connectTimeout',
  'changeOrigin',
  'xfwd',
  'rewriteOrigin',
  'cookies',
  'redirects',
  'secure',
  'ca',
  'context',
  'pathFilter',
  'pathRewrite',
  'proxyTimeout',
  'router',
  'configure',
  'bypass',
  'onProxyReq',
  'logLevel',
  '__proto__',
  'constructor',
] as const

const routeKey = fc.oneof(
  fc.constantFrom(
    '/api',
    '/users/:id',
    '/files/:path*',
    '^/v\\d+/',
    '/:lang?/docs',
    '/**',
    '/a(',
    '^(',
    '',
    '*',
    'api',
  ),
  fc.string({ maxLength: 8 }),
)
const targetText = fc.oneof(
  fc.constantFrom(
    'http://127.0.0.1:8080',
    'https://staging.example.com/v1',
    '${API:-http://x}',
    '${API}',
    'localhost:8080',
    'ws://x',
    'http://user:pass@x',
    'http://x/?q#h',
    ' http://x ',
    'http://[::1',
    'file:///etc/passwd',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 12 }),
)
const optionValue = fc.oneof({ weight: 3, arbitrary: anyValue }, { weight: 2, arbitrary: targetText })
const routeOptions = fc.dictionary(fc.constantFrom(...OPTION_KEYS), optionValue, { maxKeys: 6 })
const routeValue = fc.oneof(targetText, routeOptions, anyValue)

/** A config as users (or a broken config file) could write it. */
const userConfig: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      routes: fc.oneof(
        fc.dictionary(routeKey, routeValue, { maxKeys: 4 }),
        fc.array(fc.oneof(routeOptions, anyValue), { maxLength: 4 }),
        anyValue,
      ),
      logLevel: fc.oneof(fc.constantFrom('debug', 'info', 'silent', 'loud'), anyValue),
      proxy: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
)

const env = fc.dictionary(
  fc.constantFrom('API', 'HOME', 'X'),
  fc.oneof(fc.string(), fc.constant(undefined)),
  {
    maxKeys: 3,
  },
)

const headerName = fc.oneof(
  fc.constantFrom(
    'host',
    ':authority',
    'connection',
    'upgrade',
    'transfer-encoding',
    'content-length',
    'cookie',
    'set-cookie',
    'location',
    'content-location',
    'refresh',
    'origin',
    'referer',
    'x-forwarded-for',
    'forwarded',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 10 }),
)
const headerValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 3 }),
  fc.constant(undefined),
)
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 8 }) as fc.Arbitrary<ReadonlyHeaderRecord>
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), hostilePath, fc.webUrl())

/** A reverse mapping as a route (or a user's replacement) might behave: answers, declines, or throws. */
const toDevPath = fc.constantFrom(
  (path: string) => `/api${path}`,
  () => undefined,
  () => '//evil.example',
  () => 'javascript:alert(1)',
  () => '/a\\b',
  (): string => {
    throw new Error('mapper failed')
  },
)

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'] as const
const BODIES: readonly RequestBody[] = [{ kind: 'none' }, { kind: 'length', length: 7 }, { kind: 'stream' }]

const REAL = resolveConfig({ routes: { '/api': 'https://staging.example.com/v1' } }, { env: {} })
const REAL_MATCH = matchRequest(REAL, { method: 'GET', url: '/api/x', headers: {} })

function resolveOrUndefined(user: UserConfig): ResolvedConfig | undefined {
  try {
    return resolveConfig(user, { env: {} })
  } catch {
    return undefined
  }
}

/**
 * Calls `run`; a throw passes only if it is a ProxyError with one of `codes` (every one of which has
 * a docs page). `codes` empty: the function must not throw at all.
 */
function typedOnly(run: () => unknown, codes: readonly ErrorCode[], tally: Record<string, number>): void {
  try {
    run()
    tally.answered = (tally.answered ?? 0) + 1
  } catch (error) {
    if (!isProxyError(error)) throw new Error(`threw a non-ProxyError: ${String(error)}`, { cause: error })
    if (!codes.includes(error.code))
      throw new Error(`threw ${error.code}, not one of ${codes.join(', ') || 'none'}`, { cause: error })
    tally[error.code] = (tally[error.code] ?? 0) + 1
  }
}

/** One function of a pure core, how to call it with generated input, and the codes it may throw. */
interface Target<T> {
  readonly name: string
  readonly module: 'core/config' | 'core/rules' | 'core/rewrite'
  readonly input: fc.Arbitrary<T>
  readonly run: (input: T) => unknown
  readonly codes: readonly ErrorCode[]
}

function defineTarget<T>(definition: Target<T>): Target<unknown> {
  return definition as Target<unknown>
}

const TARGETS: readonly Target<unknown>[] = [
  defineTarget({
    name: 'resolveConfig(any value, any env)',
    module: 'core/config',
    input: fc.tuple(userConfig, env),
    run: ([user, environment]) => resolveConfig(user as UserConfig, { env: environment }),
    codes: ['ERR_CONFIG_INVALID'],
  }),
  defineTarget({
    name: 'parseRoutes(any value) and validateRules',
    module: 'core/rules',
    input: fc.oneof(
      fc.dictionary(routeKey, routeValue, { maxKeys: 4 }),
      fc.array(routeOptions, { maxLength: 3 }),
      anyValue,
    ),
    run: (routes) => validateRules(parseRoutes(routes).rules),
    codes: [],
  }),
  defineTarget({
    name: 'matchRequest(generated routes, any request)',
    module: 'core/rules',
    input: fc.tuple(routeSet, fc.string({ maxLength: 8 }), text, headers),
    run: ([user, method, url, requestHeaders]) => {
      const config = resolveOrUndefined(user)
      return config && matchRequest(config, { method, url, headers: requestHeaders })
    },
    codes: ['ERR_REQUEST_PATH_UNSAFE', 'ERR_RULE_REWRITE_INVALID'],
  }),
  defineTarget({
    name: 'matchRequest(a rewrite function returning any value)',
    module: 'core/rules',
    input: fc.tuple(anyValue, hostilePath),
    run: ([result, url]) => {
      const entry: RouteEntry = { path: '/api', target: 'http://b/v1', rewrite: () => result as string }
      return matchRequest(resolveConfig({ routes: [entry] }, { env: {} }), {
        method: 'GET',
        url,
        headers: {},
      })
    },
    codes: ['ERR_REQUEST_PATH_UNSAFE', 'ERR_RULE_REWRITE_INVALID'],
  }),
  defineTarget({
    name: 'findShadowedRoutes(generated routes)',
    module: 'core/rules',
    input: routeSet,
    run: (user) => findShadowedRoutes(resolveOrUndefined(user)?.routes ?? []),
    codes: [],
  }),
  defineTarget({
    name: 'normalizePath(any text)',
    module: 'core/rules',
    input: text,
    run: normalizePath,
    codes: ['ERR_REQUEST_PATH_UNSAFE'],
  }),
  defineTarget({
    name: 'parseRequestTarget(any text)',
    module: 'core/rules',
    input: text,
    run: parseRequestTarget,
    codes: ['ERR_REQUEST_PATH_UNSAFE'],
  }),
  defineTarget({
    name: 'removeDotSegments(any text)',
    module: 'core/rules',
    input: text,
    run: removeDotSegments,
    codes: [],
  }),
  defineTarget({
    name: 'parseTarget(any value)',
    module: 'core/rules',
    input: fc.oneof(targetText, anyValue),
    run: parseTarget,
    codes: [],
  }),
  defineTarget({
    name: 'parsePattern(any text)',
    module: 'core/rules',
    input: fc.oneof(routeKey, text),
    run: parsePattern,
    codes: [],
  }),
  defineTarget({
    name: 'compileMatcher(any text or RegExp)',
    module: 'core/rules',
    input: fc.oneof(routeKey, text, fc.constantFrom(/^\/x/, /(?<a>.)(?<a2>.)/, /x/gy, /$^/)),
    run: compileMatcher,
    codes: ['ERR_RULE_PATH_INVALID'],
  }),
  defineTarget({
    name: 'interpolateEnv(any text, any env)',
    module: 'core/config',
    input: fc.tuple(fc.oneof(targetText, fc.string()), env),
    run: ([value, environment]) => interpolateEnv(value, environment),
    codes: [],
  }),
  defineTarget({
    name: 'didYouMean(any text, any candidates)',
    module: 'core/rules',
    input: fc.tuple(fc.string(), fc.array(fc.string(), { maxLength: 5 })),
    run: ([input, candidates]) => didYouMean(input, candidates),
    codes: [],
  }),
  defineTarget({
    name: 'rewriteSetCookie(any text, any mapper)',
    module: 'core/rewrite',
    input: fc.tuple(
      fc.oneof(
        text,
        text.map((value) => `sid=1; Domain=x; Path=/${value}; SameSite=None`),
      ),
      fc.boolean(),
      toDevPath,
    ),
    run: ([value, devSecure, mapper]) => rewriteSetCookie(value, { devSecure, toDevPath: mapper }),
    codes: [],
  }),
  defineTarget({
    name: 'rewriteLocation and rewriteRefresh(any text, any mapper)',
    module: 'core/rewrite',
    input: fc.tuple(
      fc.oneof(
        text,
        hostilePath.map((path) => `https://staging.example.com${path}`),
      ),
      fc.oneof(text, fc.constant('https://staging.example.com/v1/x')),
      toDevPath,
    ),
    run: ([value, requestUrl, mapper]) => {
      const context = { targetOrigin: 'https://staging.example.com', requestUrl, toDevPath: mapper }
      return [
        rewriteLocation(value, context),
        rewriteRefresh(`0; url=${value}`, context),
        rewriteRefresh(value, context),
      ]
    },
    codes: [],
  }),
  defineTarget({
    name: 'rewriteRequestCookie(any text)',
    module: 'core/rewrite',
    input: text,
    run: rewriteRequestCookie,
    codes: [],
  }),
  defineTarget({
    name: 'toDevOrigin(any headers)',
    module: 'core/rewrite',
    input: fc.tuple(headers, fc.boolean()),
    run: ([record, tls]) => toDevOrigin(record, tls),
    codes: [],
  }),
  defineTarget({
    name: 'parseRequestBody(any method, any headers)',
    module: 'core/rewrite',
    input: fc.tuple(fc.oneof(fc.constantFrom(...METHODS), text), headers, fc.boolean()),
    run: ([method, record, undeclared]) => parseRequestBody(method, record, { undeclared }),
    codes: ['ERR_REQUEST_FRAMING_INVALID', 'ERR_REQUEST_BODY_NOT_ALLOWED', 'ERR_REQUEST_METHOD_NOT_ALLOWED'],
  }),
  defineTarget({
    name: 'stripHopByHop, toUpstreamHeaders and toClientHeaders(any headers)',
    module: 'core/rewrite',
    input: fc.tuple(headers, fc.boolean(), fc.integer({ min: 100, max: 599 }), fc.constantFrom(...BODIES)),
    run: ([record, upgrade, status, body]) => {
      if (REAL_MATCH === undefined) throw new Error('no match')
      const dev = toDevOrigin({ host: 'localhost:5173' }, false)
      if (dev === undefined) throw new Error('no dev origin')
      return [
        stripHopByHop(record, { keepUpgrade: upgrade }),
        toUpstreamHeaders(record, {
          match: REAL_MATCH,
          dev,
          clientAddress: '127.0.0.1',
          upgrade,
          body,
          method: 'POST',
        }),
        toClientHeaders(record, { match: REAL_MATCH, dev, status }),
      ]
    },
    codes: [],
  }),
]

describe('only typed errors', () => {
  it('every code the cores may throw has a docs page', () => {
    const codes = [...new Set(TARGETS.flatMap((entry) => entry.codes))]
    const undocumented = codes.filter(
      (code) =>
        !(code in ERROR_CODES) || !existsSync(new URL(`../../../docs/errors/${code}.md`, import.meta.url)),
    )
    expect(undocumented).toEqual([])
  })

  for (const entry of TARGETS) {
    it(`${entry.name}: answers or throws a documented ProxyError`, () => {
      const tally: Record<string, number> = {}
      const allowed = entry.codes.length === 0 ? 'never throws' : `throws only ${entry.codes.join(' or ')}`
      expect(
        checkProperty(
          { module: entry.module, title: `${entry.name}: ${allowed}` },
          fc.property(entry.input, (input) => typedOnly(() => entry.run(input), entry.codes, tally)),
          { tally },
        ),
      ).toBe(HELD)
    })
  }
})
