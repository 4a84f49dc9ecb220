import type { JsValues } from './to-js-values.ts'

/** How one JavaScript CORS middleware takes the policy (what {@link renderJsModule} writes for it). */
export interface JsLibrary {
  /** The package, as the usage lines and notes name it. */
  readonly name: string
  /** How the user imports it (a comment in the module, with the mount line). */
  readonly import: string
  /** How the user mounts it, after importing `corsOptions`. */
  readonly mount: string
  /** The JSDoc type of the options object. */
  readonly type: string
  /** Its option names for the methods and the allowed and exposed headers. */
  readonly keys: { readonly methods: string; readonly allowHeaders: string; readonly exposeHeaders: string }
  /**
   * The `origin` option. A function library gets the module's `isAllowedOrigin` check written above
   * it; a list library (`cors`, `@fastify/cors`) takes the exact origins and the loopback RegExp.
   */
  readonly origin: { readonly list: true } | { readonly list: false; readonly expression: string }
  /** True when the middleware allows whatever a preflight asks for if `allowHeaders` is empty. */
  readonly emptyHeadersAllowAll: boolean
}

/** The origins as a list library takes them: the exact ones, plus the loopback RegExp in development. */
export function toOriginList(values: JsValues): string {
  return values.loopback === undefined ? values.exact : `[...${values.exact}, ${values.loopback}]`
}

/**
 * The four middlewares `--for` writes a module for. Each answers preflights with 204 and reflects an
 * allowed origin with `Vary: Origin`; `@koa/cors` adds nothing for an origin its function refuses
 * (`''`), Hono nothing for `null`.
 */
export const JS_LIBRARIES: Readonly<Record<'express' | 'fastify' | 'hono' | 'koa', JsLibrary>> = {
  express: {
    name: 'cors',
    import: "import cors from 'cors'",
    mount: 'app.use(cors(corsOptions)) // before the routes; it answers preflights (OPTIONS) with 204',
    type: "import('cors').CorsOptions",
    keys: { methods: 'methods', allowHeaders: 'allowedHeaders', exposeHeaders: 'exposedHeaders' },
    origin: { list: true },
    emptyHeadersAllowAll: false,
  },
  fastify: {
    name: '@fastify/cors',
    import: "import cors from '@fastify/cors'",
    mount: 'await app.register(cors, corsOptions) // it answers preflights (OPTIONS) with 204',
    type: "import('@fastify/cors').FastifyCorsOptions",
    keys: { methods: 'methods', allowHeaders: 'allowedHeaders', exposeHeaders: 'exposedHeaders' },
    origin: { list: true },
    emptyHeadersAllowAll: false,
  },
  hono: {
    name: 'hono/cors',
    import: "import { cors } from 'hono/cors'",
    mount: "app.use('*', cors(corsOptions)) // before the routes; it answers preflights (OPTIONS) with 204",
    type: "import('hono/cors').CORSOptions",
    keys: { methods: 'allowMethods', allowHeaders: 'allowHeaders', exposeHeaders: 'exposeHeaders' },
    origin: { list: false, expression: '(origin) => (isAllowedOrigin(origin) ? origin : null)' },
    emptyHeadersAllowAll: true,
  },
  koa: {
    name: '@koa/cors',
    import: "import cors from '@koa/cors'",
    mount: 'app.use(cors(corsOptions)) // before the routes; it answers preflights (OPTIONS) with 204',
    type: "import('@koa/cors').Options",
    keys: { methods: 'allowMethods', allowHeaders: 'allowHeaders', exposeHeaders: 'exposeHeaders' },
    origin: {
      list: false,
      expression: "(ctx) => (isAllowedOrigin(ctx.get('Origin')) ? ctx.get('Origin') : '')",
    },
    emptyHeadersAllowAll: true,
  },
}
