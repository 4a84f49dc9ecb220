/** The options a route accepts (see `RouteOptions`), in the order the docs list them. */
export const ROUTE_OPTION_KEYS: readonly string[] = Object.freeze([
  'target',
  'rewrite',
  'methods',
  'matchHeaders',
  'headers',
  'responseHeaders',
  'ws',
  'timeout',
  'connectTimeout',
  'changeOrigin',
  'xfwd',
  'rewriteOrigin',
  'cookies',
  'redirects',
  'secure',
  'ca',
])
