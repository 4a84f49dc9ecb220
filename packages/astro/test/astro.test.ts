import type { Upstream } from '@sameorigin/test-utils'
import { request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { AstroProject, RunningServer } from './_astro-project.ts'
import { createAstroProject } from './_astro-project.ts'

// Real Astro 7 (with @astrojs/node 11) in a child under Node 24: `astro dev`, `astro build`, then
// `astro preview` and the built server on its own. The upstream echoes what arrived as JSON.
let upstream: Upstream
beforeAll(async () => {
  upstream = await startUpstream()
})
afterAll(() => upstream.close())

const routes = (): string => `{ routes: { '/api': ${JSON.stringify(upstream.url)} } }`

/** What the `/me` page rendered: the status and body `Astro.locals.serverFetch('/api/me')` got. */
async function renderedAnswer(server: RunningServer, cookie?: string): Promise<string> {
  const res = await request(`${server.url}/me`, cookie === undefined ? {} : { headers: { cookie } })
  expect(res.status).toBe(200)
  const pre = /<pre id="answer">([^<]*)<\/pre>/.exec(res.body)?.[1]
  if (pre === undefined) throw new Error(`no answer on the page:\n${res.body}\n${server.output()}`)
  return pre.replaceAll('&quot;', '"').replaceAll('&#34;', '"')
}

async function start(project: AstroProject, how: 'dev' | 'preview' | 'built'): Promise<RunningServer> {
  const server = await project.start(how)
  onTestFinished(() => server.close())
  return server
}

describe('astro dev', () => {
  let project: AstroProject
  beforeAll(async () => {
    project = await createAstroProject(routes())
  })
  afterAll(() => project?.remove())

  it("forwards the browser's requests (the Vite plugin) and the page's serverFetch with its cookie", async () => {
    const server = await start(project, 'dev')
    const res = await request(`${server.url}/api/direct`, { headers: { cookie: 'session=ada' } })
    expect(res.status).toBe(200)
    expect(upstream.requests.at(-1)).toMatchObject({
      path: '/api/direct',
      headers: { cookie: 'session=ada' },
    })

    const answer = await renderedAnswer(server, 'session=ada')
    expect(answer).toMatch(/^200 /)
    expect(upstream.requests.at(-1)).toMatchObject({ path: '/api/me', headers: { cookie: 'session=ada' } })
    // A request without cookies sends none: nothing of the earlier page request carries over.
    await renderedAnswer(server)
    expect(upstream.requests.at(-1)?.headers.cookie).toBeUndefined()
  })
})

describe('astro build', () => {
  let project: AstroProject
  beforeAll(async () => {
    project = await createAstroProject(routes())
    const { code, output } = await project.build()
    if (code !== 0) throw new Error(`astro build failed:\n${output}`)
  })
  afterAll(() => project?.remove())

  it('astro preview: the middleware forwards the routes and serverFetch, cookies included', async () => {
    const server = await start(project, 'preview')
    const res = await request(`${server.url}/api/direct`, { headers: { cookie: 'session=ada' } })
    expect(res.status).toBe(200)
    expect(upstream.requests.at(-1)).toMatchObject({
      path: '/api/direct',
      headers: { cookie: 'session=ada' },
    })
    expect(await renderedAnswer(server, 'session=grace')).toMatch(/^200 /)
    expect(upstream.requests.at(-1)).toMatchObject({ path: '/api/me', headers: { cookie: 'session=grace' } })
  })

  it('the built server on its own forwards nothing: serverFetch is a fetch of its own origin', async () => {
    const server = await start(project, 'built')
    const before = upstream.requests.length
    expect((await request(`${server.url}/api/direct`)).status).toBe(404)
    expect(await renderedAnswer(server, 'session=ada')).toMatch(/^404 /)
    expect(upstream.requests).toHaveLength(before)
  })
})

describe('astro build with production: true', () => {
  it('the built server forwards the routes and serverFetch with the options bundled into it', async () => {
    const project = await createAstroProject(
      `{ production: true, routes: { '/api': ${JSON.stringify(upstream.url)} } }`,
    )
    onTestFinished(() => project.remove())
    const { code, output } = await project.build()
    expect({ code, output }).toMatchObject({ code: 0 })
    const server = await start(project, 'built')
    expect((await request(`${server.url}/api/direct`)).status).toBe(200)
    expect(upstream.requests.at(-1)?.path).toBe('/api/direct')
    expect(await renderedAnswer(server, 'session=ada')).toMatch(/^200 /)
    expect(upstream.requests.at(-1)).toMatchObject({ path: '/api/me', headers: { cookie: 'session=ada' } })
  })

  it('fails the build on a function in the options, naming its key', async () => {
    const project = await createAstroProject(
      `{ production: true, routes: { '/api': { target: ${JSON.stringify(upstream.url)}, headers: () => ({ 'x-one': '1' }) } } }`,
    )
    onTestFinished(() => project.remove())
    const { code, output } = await project.build()
    expect(code).not.toBe(0)
    expect(output).toContain('routes./api.headers is a function')
    expect(output).toContain('sameorigin.config.ts')
  })
})
