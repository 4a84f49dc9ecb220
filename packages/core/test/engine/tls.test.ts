import { request, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

interface ErrorJson {
  error: { code: string; message: string; hint: string; route: string; target: string }
}

describe('https upstreams', () => {
  it('verifies certificates against the route `ca` (added to the default roots)', async () => {
    const upstream = await upstreamForTest({ https: true })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, ca: TEST_CA } } })
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(200)
    expect(proxy.logs.warnings()).toEqual([])
  })

  it('answers 502 naming the TLS error and the switch that fixes it', async () => {
    const upstream = await upstreamForTest({ https: true })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(502)
    const { error } = JSON.parse(res.body) as ErrorJson
    expect(error.code).toBe('ERR_UPSTREAM_TLS_FAILED')
    expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
    expect(error.hint).toContain('`ca:')
    expect(error.hint).toContain('`secure: false`')
    expect(error).toMatchObject({ route: '/api', target: `${upstream.url}/` })
    expect(upstream.requests).toHaveLength(0)
  })

  it('accepts any certificate with `secure: false`, warning once per route', async () => {
    const upstream = await upstreamForTest({ https: true })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, secure: false } } })
    expect((await request(`${proxy.url}/api/a`)).status).toBe(200)
    expect((await request(`${proxy.url}/api/b`)).status).toBe(200)
    const warnings = proxy.logs.warnings()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('route /api')
    expect(warnings[0]).toContain('`secure: false`')
  })

  it('says to use http:// when an https target port speaks plain HTTP', async () => {
    const upstream = await upstreamForTest()
    const target = upstream.url.replace('http:', 'https:')
    const proxy = await startProxy({ routes: { '/api': target } })
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(502)
    const { error } = JSON.parse(res.body) as ErrorJson
    expect(error.code).toBe('ERR_UPSTREAM_TLS_FAILED')
    expect(error.hint).toContain(`use http://127.0.0.1:${upstream.port}`)
  })
})
