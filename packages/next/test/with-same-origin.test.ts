import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { NextConfigLike, NextRewriteGroups } from '../src/types.ts'
import { withSameOrigin } from '../src/with-same-origin.ts'

const run = promisify(execFile)
const DEV = 'phase-development-server'
const B = 'http://127.0.0.1:4000'

function capture(): {
  logger: { info: () => void; warn: (line: string) => void; error: () => void }
  lines: string[]
} {
  const lines: string[] = []
  return { lines, logger: { info: () => {}, warn: (line) => lines.push(line), error: () => {} } }
}

async function rewritesOf(config: NextConfigLike): Promise<NextRewriteGroups> {
  const result = await config.rewrites?.()
  if (result === undefined || Array.isArray(result)) throw new Error('expected the object form')
  return result as NextRewriteGroups
}

describe('withSameOrigin', () => {
  it('adds the routes before the files and keeps an array of user rewrites as their afterFiles', async () => {
    const { logger, lines } = capture()
    const user = { source: '/old', destination: '/new' }
    const make = withSameOrigin(
      { rewrites: () => [user], reactStrictMode: true },
      { configFile: false, logger, routes: { '/api': B } },
    )
    const config = await make(DEV, {})
    expect(config.reactStrictMode).toBe(true)
    const groups = await rewritesOf(config)
    expect(groups.afterFiles).toEqual([user])
    expect(groups.beforeFiles?.map((rewrite) => [rewrite.source, rewrite.destination])).toEqual([
      ['/api/:path*/', `${B}/api/:path*/`],
      ['/api/:path*', `${B}/api/:path*`],
    ])
    // Cookie, redirect and Origin rewriting are lost, and the report says where to get them.
    expect(lines.join('\n')).toContain('Set-Cookie rewriting (cookies) (/api)')
    expect(lines.join('\n')).toContain("mode: 'route'")
  })

  it('prints a headers function as lost: a rewrite cannot call it', async () => {
    const { logger, lines } = capture()
    const make = withSameOrigin(
      {},
      {
        configFile: false,
        logger,
        routes: { '/api': { target: B, headers: async () => ({ authorization: 'Bearer t' }) } },
      },
    )
    const groups = await rewritesOf(await make(DEV, {}))
    expect(groups.beforeFiles).toHaveLength(2)
    expect(lines.join('\n')).toContain('request headers computed per request (headers function) (/api)')
    expect(lines.join('\n')).not.toContain('Bearer t')
  })

  it('prints a mock as lost: a rewrite is forwarded by Next alone', async () => {
    const { logger, lines } = capture()
    const routes = { '/api': { target: B, mock: { dir: '/tmp/mocks', mode: 'always' as const } } }
    await rewritesOf(await withSameOrigin({}, { configFile: false, logger, routes })(DEV, {}))
    expect(lines.join('\n')).toContain("answers from a mock (mock: 'always') (/api)")
  })

  it('keeps every group of an object of user rewrites, theirs first, from a function config', async () => {
    const theirs = { source: '/a', destination: '/b' }
    const make = withSameOrigin(
      async () => ({ rewrites: async () => ({ beforeFiles: [theirs], fallback: [theirs] }) }),
      { configFile: false, logger: capture().logger, routes: { '/api': B } },
    )
    const groups = await rewritesOf(await make(DEV, {}))
    expect(groups.beforeFiles?.[0]).toEqual(theirs)
    expect(groups.beforeFiles).toHaveLength(3)
    expect(groups.fallback).toEqual([theirs])
    expect(groups.afterFiles).toEqual([])
  })

  it('prints a route rewrites cannot match instead of dropping it silently', async () => {
    const { logger, lines } = capture()
    const make = withSameOrigin(
      {},
      {
        configFile: false,
        logger,
        routes: [
          { path: /^\/v\d+\//, target: B },
          { path: '/w', target: B, methods: ['POST'] },
        ],
      },
    )
    const groups = await rewritesOf(await make(DEV, {}))
    expect(groups.beforeFiles).toEqual([])
    expect(lines.join('\n')).toContain(
      'not forwarded: a RegExp path has no Next rewrite equivalent (/^\\/v\\d+\\//)',
    )
    expect(lines.join('\n')).toContain(
      'not forwarded: Next rewrites cannot match on the method (methods) (/w)',
    )
  })

  it('leaves next build and next start alone by default, and warns when production is asked for', async () => {
    const base = { poweredByHeader: false }
    const make = withSameOrigin(base, { configFile: false, routes: { '/api': B } })
    expect(await make('phase-production-build', {})).toBe(base)
    expect(await make('phase-production-server', {})).toBe(base)
    const { logger, lines } = capture()
    const built = await withSameOrigin(base, {
      configFile: false,
      logger,
      production: true,
      routes: { '/api': B },
    })('phase-production-build', {})
    expect((await rewritesOf(built)).beforeFiles).toHaveLength(2)
    expect(lines.join('\n')).toContain('bakes these rewrite destinations into the build')
  })

  it("in route mode emits only websocket-upgrade rewrites and keeps the handler's packages external", async () => {
    const make = withSameOrigin(
      { serverExternalPackages: ['sharp'] },
      {
        mode: 'route',
        configFile: false,
        logger: capture().logger,
        routes: { '/api': B, '/plain': { target: B, ws: false } },
      },
    )
    const config = await make(DEV, {})
    expect(config.serverExternalPackages).toEqual(['sharp', '@sameorigin/core', '@sameorigin/next'])
    // No gzip (it buffers event streams) and no trailing-slash redirect in front of the handler.
    expect(config).toMatchObject({ compress: false, skipTrailingSlashRedirect: true })
    // The inspector's own requests stay out of next dev's request log; the app's are logged.
    const { incomingRequests } = config.logging === false ? {} : (config.logging ?? {})
    const ignore = typeof incomingRequests === 'object' ? (incomingRequests.ignore ?? []) : []
    const ignored = (url: string): boolean => ignore.some((pattern) => pattern.test(url))
    expect(
      ['/__sameorigin', '/__sameorigin/', '/__sameorigin/api/har?ids=1', '/__sameorigin?x'].every(ignored),
    ).toBe(true)
    expect(['/api/me', '/__sameoriginx', '/api/__sameorigin/', '/'].some(ignored)).toBe(false)
    const { beforeFiles = [] } = await rewritesOf(config)
    // The inspector's path first (next test), then the upgrade-only ones.
    const [inspector, ...upgrades] = beforeFiles
    expect(inspector?.source).toBe('/__sameorigin/:path*')
    expect(upgrades.map((rewrite) => rewrite.source)).toEqual(['/api/:path*/', '/api/:path*'])
    expect(upgrades.every((rewrite) => rewrite.has?.some((has) => has.key === 'upgrade'))).toBe(true)
  })

  it("keeps the user's own request logging, and logs everything in rewrites mode", async () => {
    const options = { configFile: false, logger: capture().logger, routes: { '/api': B } } as const
    const mine = { incomingRequests: { ignore: [/health/] }, fetches: { fullUrl: true } }
    const kept = await withSameOrigin({ logging: mine }, { ...options, mode: 'route' })(DEV, {})
    expect(kept.logging).toBe(mine)
    const off = await withSameOrigin({ logging: false }, { ...options, mode: 'route' })(DEV, {})
    expect(off.logging).toBe(false)
    const merged = await withSameOrigin(
      { logging: { fetches: { fullUrl: true } } },
      { ...options, mode: 'route' },
    )(DEV, {})
    expect(merged.logging).toMatchObject({
      fetches: { fullUrl: true },
      incomingRequests: { ignore: [expect.any(RegExp)] },
    })
    const rewrites = await withSameOrigin({}, options)(DEV, {})
    expect(rewrites.logging).toBeUndefined()
  })

  it('in route mode brings /__sameorigin/ to the handler of the first prefix route, in next dev only', async () => {
    const lines: string[] = []
    const logger = { ...capture().logger, info: (line: string) => void lines.push(line) }
    const routes = { '/v:n/:rest*': B, '/auth/': B, '/api': B }
    const dev = await withSameOrigin({}, { mode: 'route', configFile: false, logger, routes })(DEV, {})
    expect((await rewritesOf(dev)).beforeFiles?.[0]).toEqual({
      source: '/__sameorigin/:path*',
      destination: '/auth/__sameorigin/:path*',
    })
    // Next's origin once it listens (next dev prints it: inspector-next-dev.test.ts), else the path.
    expect(lines.filter((line) => line.includes('inspector'))).toEqual([
      expect.stringMatching(/^sameorigin: inspector: (http:\/\/[^/]+)?\/__sameorigin\/$/),
    ])
    const sources = async (config: NextConfigLike): Promise<string[]> =>
      ((await rewritesOf(config)).beforeFiles ?? []).map((rewrite) => rewrite.source)
    // Off in the config, with native rewrites, and in a production build: no inspector path.
    const off = { mode: 'route', configFile: false, logger, routes, inspector: false } as const
    expect(await sources(await withSameOrigin({}, off)(DEV, {}))).not.toContain('/__sameorigin/:path*')
    const rewrites = { configFile: false, logger, routes: { '/api': B } } as const
    expect(await sources(await withSameOrigin({}, rewrites)(DEV, {}))).not.toContain('/__sameorigin/:path*')
    const built = { mode: 'route', configFile: false, logger, routes, production: true } as const
    const build = await withSameOrigin({}, built)('phase-production-build', {})
    expect(await sources(build)).not.toContain('/__sameorigin/:path*')
  })

  it("reads sameorigin.config.* from the app's root", async () => {
    const root = await mkdtemp(join(tmpdir(), 'sameorigin-next-'))
    onTestFinished(() => rm(root, { recursive: true, force: true }))
    await writeFile(
      join(root, 'sameorigin.config.json'),
      JSON.stringify({ routes: { '/backend': `${B}/v2` } }),
    )
    const groups = await rewritesOf(await withSameOrigin({}, { root, logger: capture().logger })(DEV, {}))
    expect(groups.beforeFiles?.at(-1)).toMatchObject({
      source: '/backend/:path*',
      destination: `${B}/v2/:path*`,
    })
  })

  it('loads in plain Node, from ESM and from CommonJS (require(esm)), without node:http or node:https', async () => {
    const cwd = new URL('..', import.meta.url)
    const check =
      'const loaded = process.moduleLoadList.filter((m) => /^NativeModule (http|https|_http_client)$/.test(m)); console.log(typeof m.withSameOrigin, JSON.stringify(loaded))'
    const esm = await run(
      process.execPath,
      ['--input-type=module', '-e', `const m = await import('@sameorigin/next'); ${check}`],
      { cwd },
    )
    expect(esm.stdout.trim()).toBe('function []')
    const cjs = await run(process.execPath, ['-e', `const m = require('@sameorigin/next'); ${check}`], {
      cwd,
    })
    expect(cjs.stdout.trim()).toBe('function []')
  })
})
