import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import type { UserConfig } from '../../src/types.ts'

function issuesOf(config: UserConfig): { path: string; message: string; fix?: string }[] {
  try {
    resolveConfig(config, { env: {} })
  } catch (error) {
    if (isProxyError(error)) return error.issues.map(({ path, message, fix }) => ({ path, message, fix }))
    throw error
  }
  return []
}

const handler = (): undefined => undefined

const route = (mock: unknown): UserConfig => ({
  routes: { '/api': { target: 'http://127.0.0.1:8080', mock } as never },
})

describe('resolveConfig: mock', () => {
  it("reads a folder path as fallback mode, joined to the config file's folder", () => {
    const config = resolveConfig(route('./mocks'), {
      env: {},
      configFile: '/app/sameorigin.config.ts',
      root: '/elsewhere',
    })
    const mock = config.routes[0]?.mock
    expect(mock).toMatchObject({
      dir: '/app/mocks',
      mode: 'fallback',
      keepSecrets: false,
      handler: undefined,
    })
    expect([...(mock?.statuses ?? [])]).toEqual([502, 503, 504])
    expect(Object.isFrozen(mock)).toBe(true)
  })

  it('joins to the root without a file, keeps absolute paths, and has no mock by default', () => {
    const config = resolveConfig(
      {
        routes: {
          '/a': {
            target: 'http://127.0.0.1:1',
            mock: { dir: '/abs/mocks', handler: 'h.ts', mode: 'always', statuses: [500] },
          },
          '/b': { target: 'http://127.0.0.1:1', mock: { handler, mode: 'always' } },
          '/c': 'http://127.0.0.1:1',
        },
      },
      { env: {}, root: '/root' },
    )
    expect(config.routes[0]?.mock).toMatchObject({
      dir: '/abs/mocks',
      handlerModule: '/root/h.ts',
      mode: 'always',
    })
    expect(config.routes[1]?.mock?.handler).toBe(handler)
    expect(config.routes[2]?.mock).toBeUndefined()
  })

  it('is fine on a route with a rewrite function', () => {
    expect(
      issuesOf({ routes: { '/api': { target: 'http://127.0.0.1:1', rewrite: (p) => p, mock: './m' } } }),
    ).toEqual([])
  })

  it.each([
    ['', "routes['/api'].mock", /empty folder path/, "mock: './mocks'"],
    [42, "routes['/api'].mock", /must be a folder path or mock options, got 42/, "mock: './mocks'"],
    [{}, "routes['/api'].mock", /needs a folder \(`dir`\) or a `handler`/, "mock: { dir: './mocks' }"],
    [
      { dir: './m', mode: 'recrod' },
      "routes['/api'].mock.mode",
      /must be one of 'fallback', 'always', 'record'/,
      "mode: 'record'",
    ],
    [
      { handler: () => undefined, mode: 'record' },
      "routes['/api'].mock.dir",
      /is needed by mode 'record'/,
      "dir: './mocks'",
    ],
    [
      { dir: './m', statuses: 503 },
      "routes['/api'].mock.statuses",
      /must be a list of statuses/,
      'statuses: [502, 503, 504]',
    ],
    [{ dir: './m', statuses: ['503'] }, "routes['/api'].mock.statuses[0]", /from 200 to 599/, '503'],
    [
      { dir: './m', keepSecret: true },
      "routes['/api'].mock.keepSecret",
      /did you mean `keepSecrets`/,
      'keepSecrets: …',
    ],
    [
      { dir: './m', keepSecrets: 'yes' },
      "routes['/api'].mock.keepSecrets",
      /must be true or false/,
      'keepSecrets: true',
    ],
    [
      { handler: 3 },
      "routes['/api'].mock.handler",
      /must be a function or the path of a module/,
      "handler: './mocks/handler.ts'",
    ],
  ])('refuses %j with a fix', (mock, path, message, fix) => {
    const issues = issuesOf(route(mock))
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message), fix })
  })
})
