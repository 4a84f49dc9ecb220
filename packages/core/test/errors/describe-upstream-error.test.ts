import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { describeUpstreamError } from '../../src/errors/describe-upstream-error.ts'
import { createError } from '../../src/errors/proxy-error.ts'
import { toHttpStatus } from '../../src/errors/to-http-status.ts'
import type { ResolvedRoute } from '../../src/types.ts'

function routeTo(target: string): ResolvedRoute {
  const route = resolveConfig({ routes: { '/api': target } }, { env: {} }).routes[0]
  if (route === undefined) throw new Error('no route')
  return route
}

const nodeError = (code: string, message: string, extra: object = {}): Error =>
  Object.assign(new Error(message), { code, ...extra })

describe('describeUpstreamError', () => {
  it.each([
    [
      'ECONNREFUSED',
      'connect ECONNREFUSED 10.0.0.2:8080',
      'http://10.0.0.2:8080',
      'ERR_UPSTREAM_UNREACHABLE',
      502,
    ],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.invalid', 'http://api.invalid', 'ERR_UPSTREAM_DNS_FAILED', 502],
    [
      'EAI_AGAIN',
      'getaddrinfo EAI_AGAIN api.example.com',
      'http://api.example.com',
      'ERR_UPSTREAM_DNS_FAILED',
      502,
    ],
    ['ECONNRESET', 'socket hang up', 'http://10.0.0.2', 'ERR_UPSTREAM_RESET', 502],
    [
      'HPE_INVALID_CONSTANT',
      'Parse Error: Expected HTTP/',
      'http://10.0.0.2',
      'ERR_UPSTREAM_RESPONSE_INVALID',
      502,
    ],
    ['ETIMEDOUT', 'connect ETIMEDOUT', 'http://10.0.0.2', 'ERR_UPSTREAM_CONNECT_TIMEOUT', 504],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'https://10.0.0.2', 'ERR_UPSTREAM_TLS_FAILED', 502],
    ['EWHATEVER', 'something odd', 'http://10.0.0.2', 'ERR_UPSTREAM_FAILED', 502],
  ])('%s → %s', (code, message, target, expected, status) => {
    const error = describeUpstreamError(nodeError(code, message), { route: routeTo(target) })
    expect(error.code).toBe(expected)
    expect(error.status).toBe(status)
    expect(toHttpStatus(error)).toBe(status)
    expect(error.details).toMatchObject({ route: '/api', target: new URL(target).href })
  })

  it('explains the localhost → ::1 trap', () => {
    const error = describeUpstreamError(
      nodeError('ECONNREFUSED', 'connect ECONNREFUSED ::1:8080', { address: '::1', port: 8080 }),
      { route: routeTo('http://localhost:8080') },
    )
    expect(error.hint).toBe(
      '`localhost` resolved to ::1 but nothing listens there; if the backend listens on 127.0.0.1, use http://127.0.0.1:8080.',
    )
    expect(error.message).toContain('::1:8080')
  })

  it('names every address Happy Eyeballs tried', () => {
    const aggregate = Object.assign(
      new AggregateError([
        nodeError('ECONNREFUSED', 'a', { address: '::1', port: 3000 }),
        nodeError('ECONNREFUSED', 'b', { address: '127.0.0.1', port: 3000 }),
      ]),
      { code: 'ECONNREFUSED' },
    )
    const error = describeUpstreamError(aggregate, { route: routeTo('http://localhost:3000') })
    expect(error.message).toContain('::1:3000, 127.0.0.1:3000')
    expect(error.hint).toBe(
      'Nothing listens on 127.0.0.1:3000 or [::1]:3000 (both tried for `localhost`): start the backend, or check the port in the route target.',
    )
  })

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', '`ca:'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', '`secure: false`'],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames",
      'does not name api.example.com',
    ],
    [
      'EPROTO',
      'write EPROTO 40:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      'use http://api.example.com',
    ],
  ])('TLS %s → a hint with the switch that fixes it', (code, message, hint) => {
    const error = describeUpstreamError(nodeError(code, message), {
      route: routeTo('https://api.example.com'),
    })
    expect(error.code).toBe('ERR_UPSTREAM_TLS_FAILED')
    expect(error.message).toContain(code)
    expect(error.hint).toContain(hint)
  })

  it('blames the forward proxy for first-hop failures when one is used', () => {
    const error = describeUpstreamError(nodeError('ECONNREFUSED', 'connect ECONNREFUSED'), {
      route: routeTo('https://api.example.com'),
      proxy: 'http://proxy.corp:3128',
    })
    expect(error.code).toBe('ERR_UPSTREAM_PROXY_FAILED')
    expect(error.message).toContain('http://proxy.corp:3128')
    expect(error.hint).toContain('add api.example.com to NO_PROXY')
  })

  it('returns a ProxyError as it is, also as the cause of an AbortError', () => {
    const timeout = createError('ERR_UPSTREAM_TIMEOUT')
    const route = routeTo('http://10.0.0.2')
    expect(describeUpstreamError(timeout, { route })).toBe(timeout)
    const abort = Object.assign(new Error('The operation was aborted'), {
      name: 'AbortError',
      cause: timeout,
    })
    expect(describeUpstreamError(abort, { route })).toBe(timeout)
  })
})

describe('toHttpStatus', () => {
  it.each([
    [createError('ERR_REQUEST_PATH_UNSAFE'), 400],
    [createError('ERR_UPSTREAM_TIMEOUT'), 504],
    [nodeError('ETIMEDOUT', 'x'), 504],
    [nodeError('ECONNREFUSED', 'x'), 502],
    ['not even an error', 502],
    [undefined, 502],
  ])('%o → %i', (error, status) => {
    expect(toHttpStatus(error)).toBe(status)
  })
})
