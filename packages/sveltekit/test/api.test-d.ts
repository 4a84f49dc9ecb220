import type { Handle } from '@sveltejs/kit/hooks'
import { sequence } from '@sveltejs/kit/hooks'
import type { PluginOption } from 'vite'
import { expectTypeOf, test } from 'vitest'
import { defineConfig, sameorigin } from '../src/index.ts'
import { createHandle, handleSameOrigin } from '../src/hooks.ts'
import { createServerProxy, serverFetch } from '../src/server.ts'

test('the hook is a SvelteKit Handle, alone or in sequence()', () => {
  expectTypeOf(handleSameOrigin).toEqualTypeOf<Handle>()
  expectTypeOf(
    createHandle({ production: true, routes: { '/api': 'http://127.0.0.1:8080' } }),
  ).toEqualTypeOf<Handle>()
  expectTypeOf(sequence(handleSameOrigin, createHandle())).toEqualTypeOf<Handle>()
  // @ts-expect-error: a route's target is a URL string or an object
  createHandle({ routes: { '/api': 8080 } })
})

test('the plugin goes in Vite plugins; the config helpers and server helpers are re-exported', () => {
  expectTypeOf(sameorigin()).toExtend<PluginOption>()
  expectTypeOf(defineConfig({ routes: { '/api': 'http://127.0.0.1:8080' } })).toBeObject()
  expectTypeOf(
    serverFetch('/api/me', { request: new Request('http://localhost/') }),
  ).resolves.toEqualTypeOf<Response>()
  expectTypeOf(createServerProxy().handle).returns.resolves.toEqualTypeOf<Response | undefined>()
})
