import { request, startUpstream } from '@sameorigin/test-utils'
import type { Connect } from 'vite'
import { describe, expect, it, onTestFinished } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { placeProxyMiddleware } from '../src/place-proxy-middleware.ts'
import { createFixture } from './_fixture.ts'
import { VITES, startDev } from './_vite.ts'

const OURS = 'sameoriginProxyMiddleware'

/** A connect stack whose entries are functions with these names, as Vite's own middlewares are. */
function stackOf(names: readonly string[]): Connect.ServerStackItem[] {
  return names.map((name) => ({
    route: '',
    handle: Object.defineProperty(() => {}, 'name', { value: name }) as Connect.NextHandleFunction,
  }))
}

function namesOf(stack: readonly Connect.ServerStackItem[]): string[] {
  return stack.map((item) => (item.handle as { name: string }).name)
}

describe('placeProxyMiddleware', () => {
  it.each([
    {
      order: 'Vite 8 dev (guards and CORS before configureServer)',
      stack: [
        'viteRejectInvalidRequestMiddleware',
        'corsMiddleware',
        'hostValidationMiddleware',
        'userMiddleware',
        OURS,
      ],
      placed: [
        'viteRejectInvalidRequestMiddleware',
        'hostValidationMiddleware',
        OURS,
        'corsMiddleware',
        'userMiddleware',
      ],
    },
    {
      order: 'Vite 7 (bundler-renamed functions)',
      stack: [
        'viteTimeMiddleware',
        'viteRejectInvalidRequestMiddleware',
        'corsMiddleware$2',
        'hostValidationMiddleware$1$1',
        OURS,
      ],
      placed: [
        'viteTimeMiddleware',
        'viteRejectInvalidRequestMiddleware',
        'hostValidationMiddleware$1$1',
        OURS,
        'corsMiddleware$2',
      ],
    },
    {
      order: 'Vite 6 post hook (guards and CORS after configureServer)',
      stack: [
        OURS,
        'viteRejectInvalidRequestMiddleware',
        'corsMiddleware',
        'viteHostCheckMiddleware',
        'viteCachedTransformMiddleware',
      ],
      placed: [
        'viteRejectInvalidRequestMiddleware',
        'viteHostCheckMiddleware',
        OURS,
        'corsMiddleware',
        'viteCachedTransformMiddleware',
      ],
    },
    {
      order: 'preview',
      stack: ['corsMiddleware', 'hostValidationMiddleware', OURS],
      placed: ['hostValidationMiddleware', OURS, 'corsMiddleware'],
    },
    {
      order: 'cors: false',
      stack: ['viteRejectInvalidRequestMiddleware', 'hostValidationMiddleware', 'userMiddleware', OURS],
      placed: ['viteRejectInvalidRequestMiddleware', 'hostValidationMiddleware', OURS, 'userMiddleware'],
    },
    {
      order: 'allowedHosts: true',
      stack: ['viteRejectInvalidRequestMiddleware', 'corsMiddleware', 'userMiddleware', OURS],
      placed: ['viteRejectInvalidRequestMiddleware', OURS, 'corsMiddleware', 'userMiddleware'],
    },
    {
      order: 'preview with allowedHosts: true (no guard at all)',
      stack: ['corsMiddleware', 'userMiddleware', OURS],
      placed: [OURS, 'corsMiddleware', 'userMiddleware'],
    },
    {
      order: 'neither guard nor CORS',
      stack: ['userMiddleware', OURS, 'laterMiddleware'],
      placed: ['userMiddleware', OURS, 'laterMiddleware'],
    },
  ])('$order', ({ stack, placed }) => {
    const items = stackOf(stack)
    const own = items.find((item) => namesOf([item])[0] === OURS)!.handle
    placeProxyMiddleware(items, own)
    expect(namesOf(items)).toEqual(placed)
    // The post hook places again: same order.
    placeProxyMiddleware(items, own)
    expect(namesOf(items)).toEqual(placed)
  })

  it('leaves a stack without the middleware alone', () => {
    const items = stackOf(['corsMiddleware', 'hostValidationMiddleware'])
    placeProxyMiddleware(items, () => {})
    expect(namesOf(items)).toEqual(['corsMiddleware', 'hostValidationMiddleware'])
  })
})

describe.each(VITES)('$name: a missing guard or CORS middleware', ({ vite }) => {
  const preflight = { 'access-control-request-method': 'PUT' }

  it('cors: false — OPTIONS reaches the backend and the host check still applies', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startDev(vite, { root: createFixture(), plugins, server: { cors: false } })

    expect(
      (await request(`${url}/api/x`, { method: 'OPTIONS', headers: { origin: url, ...preflight } })).status,
    ).toBe(200)
    expect((await request(`${url}/api/x`, { headers: { host: 'attacker.example' } })).status).toBe(403)
    expect(upstream.requests.map(({ method }) => method)).toEqual(['OPTIONS'])
  })

  it('allowedHosts: true — OPTIONS reaches the backend, and any Host is proxied as configured', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startDev(vite, { root: createFixture(), plugins, server: { allowedHosts: true } })

    expect(
      (await request(`${url}/api/x`, { method: 'OPTIONS', headers: { origin: url, ...preflight } })).status,
    ).toBe(200)
    expect((await request(`${url}/api/x`, { headers: { host: 'dev.example' } })).status).toBe(200)
    expect(upstream.requests.map(({ method }) => method)).toEqual(['OPTIONS', 'GET'])
  })
})
