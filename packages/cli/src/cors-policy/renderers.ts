import { renderCaddy } from './render-caddy.ts'
import { renderExpress } from './render-express.ts'
import { renderFastify } from './render-fastify.ts'
import { renderHono } from './render-hono.ts'
import { renderKoa } from './render-koa.ts'
import { renderNginx } from './render-nginx.ts'
import type { CorsPolicy, PolicyFormat, RenderContext, RenderedFile } from './types.ts'

/**
 * A renderer: the policy as the files the user pastes into that server or framework (one module for
 * the JavaScript frameworks; nginx needs two, as its `map` lives in `http {}` and the preflight's
 * `return 204` in the location).
 */
export type PolicyRenderer = (policy: CorsPolicy, context: RenderContext) => readonly RenderedFile[]

/** One ES module named `cors-policy.js`. */
const module =
  (render: (policy: CorsPolicy, context: RenderContext) => string): PolicyRenderer =>
  (policy, context) => [{ name: 'cors-policy.js', content: render(policy, context) }]

/** Every `--for` format and its renderer. */
export const POLICY_RENDERERS: Readonly<Partial<Record<PolicyFormat, PolicyRenderer>>> = {
  express: module(renderExpress),
  fastify: module(renderFastify),
  hono: module(renderHono),
  koa: module(renderKoa),
  nginx: renderNginx,
  caddy: renderCaddy,
}
