import { renderCaddy } from './render-caddy.ts'
import type { JsLibrary } from './js-libraries.ts'
import { JS_LIBRARIES } from './js-libraries.ts'
import { renderJsModule } from './render-js-module.ts'
import { renderNginx } from './render-nginx.ts'
import type { CorsPolicy, PolicyFormat, RenderContext, RenderedFile } from './types.ts'

/**
 * A renderer: the policy as the files the user pastes into that server or framework (one module for
 * the JavaScript frameworks; nginx needs two, as its `map` lives in `http {}` and the preflight's
 * `return 204` in the location).
 */
export type PolicyRenderer = (policy: CorsPolicy, context: RenderContext) => readonly RenderedFile[]

/** One ES module named `cors-policy.js`, for `library`. */
const module =
  (library: JsLibrary): PolicyRenderer =>
  (policy, context) => [{ name: 'cors-policy.js', content: renderJsModule(policy, context, library) }]

/** Every `--for` format and its renderer. */
export const POLICY_RENDERERS: Readonly<Partial<Record<PolicyFormat, PolicyRenderer>>> = {
  express: module(JS_LIBRARIES.express),
  fastify: module(JS_LIBRARIES.fastify),
  hono: module(JS_LIBRARIES.hono),
  koa: module(JS_LIBRARIES.koa),
  nginx: renderNginx,
  caddy: renderCaddy,
}
