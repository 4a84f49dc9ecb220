import { request, startUpstream } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NuxtDev } from './_nuxt-dev.ts'
import { startNuxtBuild, startNuxtDev } from './_nuxt-dev.ts'

// A page whose SSR fetches /api/who through the routes, as Nuxt's useFetch does.
const SSR_PAGE = `<script setup>
const { data } = await useFetch('/api/who')
</script>
<template><p id="who">{{ data?.headers?.cookie ?? 'none' }}</p></template>
`

// A Nitro route of the app's own that reads its body.
const ECHO_ROUTE = 'export default defineEventHandler(async (event) => ({ body: await readBody(event) }))\n'

describe('@sameorigin/nuxt in nuxt dev', () => {
  let upstream: Upstream
  let nuxt: NuxtDev
  beforeAll(async () => {
    upstream = await startUpstream()
    const config = JSON.stringify({
      sameorigin: { configFile: false, routes: { '/api': upstream.url } },
      nitro: { devProxy: { '/api/legacy': 'http://127.0.0.1:9', '/other': upstream.url } },
      routeRules: { '/api/rules/**': { proxy: 'http://127.0.0.1:9/**' } },
    })
    nuxt = await startNuxtDev(config, {
      'app/pages/ssr.vue': SSR_PAGE,
      'server/routes/echo.post.ts': ECHO_ROUTE,
    })
  })
  afterAll(async () => {
    await nuxt?.stop()
    await upstream?.close()
  })

  it('prints the route table, the inspector and the overlaps of Nitro proxies under the URLs', () => {
    if (nuxt.url === undefined) throw new Error(`nuxt dev did not start:\n${nuxt.output()}`)
    expect(nuxt.output()).toContain(`/api  → ${upstream.url}/`)
    expect(nuxt.output()).toContain(`inspector: ${nuxt.url}/__sameorigin/`)
    expect(nuxt.output()).toContain(
      "nitro.devProxy has entries for paths sameorigin also routes: '/api/legacy' (route '/api')",
    )
    expect(nuxt.output()).toContain(
      "routeRules has entries for paths sameorigin also routes: '/api/rules/**' (route '/api')",
    )
  })

  it("serves a browser's request, and a devProxy path the route also takes, through the route", async () => {
    const res = await request(`${nuxt.url}/api/x?y=1`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(res.status).toBe(200)
    const legacy = await request(`${nuxt.url}/api/legacy/z`)
    expect(legacy.status).toBe(200)
    const rules = await request(`${nuxt.url}/api/rules/r`)
    expect(rules.status).toBe(200)
    expect(upstream.requests.map((seen) => seen.path)).toEqual([
      '/api/x?y=1',
      '/api/legacy/z',
      '/api/rules/r',
    ])
    expect(upstream.requests[0]?.headers['x-forwarded-for']).toBe('127.0.0.1')
    // Nuxt's own request tracing and the dev server's record of the client stay in the dev server.
    expect(
      Object.keys(upstream.requests[0]?.headers ?? {}).filter((name) => /x-nuxt|x-sameorigin/.test(name)),
    ).toEqual([])
  })

  it("forwards useFetch during SSR through the route with the page request's cookie", async () => {
    const before = upstream.requests.length
    const res = await request(`${nuxt.url}/ssr`, { headers: { cookie: 'session=ada' } })
    expect(res.status).toBe(200)
    expect(res.body).toContain('<p id="who">session=ada</p>')
    expect(upstream.requests.slice(before).map((seen) => [seen.path, seen.headers.cookie])).toEqual([
      ['/api/who', 'session=ada'],
    ])
  })

  it('leaves other paths, and their bodies, to Nuxt', async () => {
    const res = await request(`${nuxt.url}/`)
    expect(res.body).toContain('<h1>home</h1>')
    const echo = await request(`${nuxt.url}/echo`, { method: 'POST', body: 'kept for the app' })
    expect(JSON.parse(echo.body)).toEqual({ body: 'kept for the app' })
    // The devProxy entry that overlaps no route is Nitro's still: it strips its prefix.
    const before = upstream.requests.length
    expect((await request(`${nuxt.url}/other/x`)).status).toBe(200)
    expect(upstream.requests.slice(before).map((seen) => seen.path)).toEqual(['/x'])
  })
})

describe('@sameorigin/nuxt: options that cannot start', () => {
  it('fails the start on a function in nuxt.config, naming it and the fix', async () => {
    const nuxt = await startNuxtDev(
      "{ sameorigin: { configFile: false, routes: { '/api': { target: 'http://127.0.0.1:9', rewrite: (path) => path } } } }",
    )
    try {
      expect(nuxt.url).toBeUndefined()
      expect(nuxt.output()).toContain('sameorigin.routes./api.rewrite is a function')
      expect(nuxt.output()).toContain('Move this route to sameorigin.config.ts')
    } finally {
      await nuxt.stop()
    }
  })

  it('fails the start on an invalid config, listing the problem', async () => {
    const nuxt = await startNuxtDev(
      "{ sameorigin: { configFile: false, routes: { '/api': 'ftp://nowhere' } } }",
    )
    try {
      expect(nuxt.url).toBeUndefined()
      expect(nuxt.output()).toContain('ERR_CONFIG_INVALID')
      expect(nuxt.output()).toContain("routes['/api']")
    } finally {
      await nuxt.stop()
    }
  })
})

describe('@sameorigin/nuxt in a built app', () => {
  let upstream: Upstream
  let built: NuxtDev
  beforeAll(async () => {
    upstream = await startUpstream()
    const config = JSON.stringify({
      sameorigin: { production: true, configFile: false, routes: { '/api': upstream.url } },
    })
    built = await startNuxtBuild(config, { 'app/pages/ssr.vue': SSR_PAGE })
  }, 240_000)
  afterAll(async () => {
    await built?.stop()
    await upstream?.close()
  })

  it('with production: true, the built server forwards the browser and SSR, without the inspector', async () => {
    if (built.url === undefined) throw new Error(`the build did not start:\n${built.output()}`)
    const res = await request(`${built.url}/api/x`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(res.status).toBe(200)
    expect(upstream.requests[0]?.headers['x-forwarded-for']).toBe('127.0.0.1')
    const page = await request(`${built.url}/ssr`, { headers: { cookie: 'session=ada' } })
    expect(page.body).toContain('<p id="who">session=ada</p>')
    expect((await request(`${built.url}/__sameorigin/`)).status).toBe(404)
  })
})
