// The public API of @sameorigin/webpack, listed by name (CommonJS configs load it through require(esm)).
export { applySameOrigin, SameOriginPlugin } from './same-origin-plugin.ts'
export { withSameOrigin } from './with-same-origin.ts'
export type { SameOriginDevServer } from './with-same-origin.ts'
export type { SameOriginOptions } from './options.ts'
export type {
  CompilerLike,
  DevServerConfig,
  DevServerLike,
  Middleware,
  MiddlewareHandler,
} from './dev-server.ts'
