import { renderExpress } from './render-express.ts'
import { renderFastify } from './render-fastify.ts'
import { renderHono } from './render-hono.ts'
import { renderKoa } from './render-koa.ts'
import type { CorsPolicy, PolicyFormat, RenderContext } from './types.ts'

/** A renderer: the policy as the file the user pastes into that server or framework. */
export type PolicyRenderer = (policy: CorsPolicy, context: RenderContext) => string

/** Every `--for` format and its renderer. */
export const POLICY_RENDERERS: Readonly<Partial<Record<PolicyFormat, PolicyRenderer>>> = {
  express: renderExpress,
  fastify: renderFastify,
  hono: renderHono,
  koa: renderKoa,
}
