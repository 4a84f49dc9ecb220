/** Why an option from another proxy is refused, and what to write instead. */
export interface UnsupportedOption {
  readonly message: string
  readonly fix: string
}

const HOOK_FIX = "headers: { 'x-api-key': 'dev' }, responseHeaders: { 'cache-control': null }"

/**
 * Options of Vite's `server.proxy`, http-proxy(-middleware), webpack-dev-server and Angular's
 * `proxy.conf.json` (and Next's rewrites) that have no meaning here. Refused instead of ignored,
 * because a pasted config that silently behaves differently is worse than one that says why.
 */
export const UNSUPPORTED_OPTIONS: Readonly<Record<string, UnsupportedOption>> = Object.freeze({
  router: {
    message: 'a route does not choose its target per request; declare one route per backend',
    fix: "'/api': { target: '${API_TARGET:-http://127.0.0.1:8080}' }",
  },
  forward: {
    message: 'forwarding without proxying the response is not supported',
    fix: "target: 'http://127.0.0.1:8080'",
  },
  agent: {
    message:
      'connections are pooled per target; go through a corporate proxy with HTTPS_PROXY, trust certificates with `ca`',
    fix: "ca: readFileSync('./certs/ca.pem', 'utf8')",
  },
  ssl: {
    message: "this is the dev server's own HTTPS, configured in your dev tool (Vite `server.https`)",
    fix: 'remove it',
  },
  toProxy: {
    message: 'to reach the target through another proxy, set HTTPS_PROXY or HTTP_PROXY',
    fix: 'HTTPS_PROXY=http://proxy.corp:3128',
  },
  prependPath: {
    message: "the target's path always comes first; use a target without a path, or `rewrite`",
    fix: "rewrite: '/:path*'",
  },
  ignorePath: {
    message: "send every request to the target's path itself with a rewrite",
    fix: "rewrite: () => ''",
  },
  localAddress: { message: 'the operating system chooses the local address', fix: 'remove it' },
  auth: {
    message: 'send credentials as a header',
    fix: "headers: { authorization: 'Basic ' + btoa('user:password') }",
  },
  hostRewrite: {
    message: 'redirects to the target are rewritten to the dev server by default (`redirects: true`)',
    fix: 'remove it',
  },
  autoRewrite: {
    message: 'redirects to the target are rewritten to the dev server by default (`redirects: true`)',
    fix: 'remove it',
  },
  protocolRewrite: {
    message: 'redirects to the target are rewritten to the dev server by default (`redirects: true`)',
    fix: 'remove it',
  },
  cookieDomainRewrite: { message: 'cookies are rewritten by default (`cookies: true`)', fix: 'remove it' },
  cookiePathRewrite: { message: 'cookies are rewritten by default (`cookies: true`)', fix: 'remove it' },
  followRedirects: {
    message:
      'redirects go back to the browser, rewritten to the dev server (`redirects: true`); they are not followed on the server',
    fix: 'remove it',
  },
  preserveHeaderKeyCase: {
    message: 'header names are sent lower-case, as Node and HTTP/2 do',
    fix: 'remove it',
  },
  selfHandleResponse: {
    message: 'responses are streamed to the browser; change their headers with `responseHeaders`',
    fix: HOOK_FIX,
  },
  buffer: { message: 'request bodies are streamed to the target', fix: 'remove it' },
  onProxyReq: {
    message: 'set or remove request headers with `headers`; hooks are not supported',
    fix: HOOK_FIX,
  },
  onProxyReqWs: {
    message: 'set or remove request headers with `headers`; hooks are not supported',
    fix: HOOK_FIX,
  },
  onProxyRes: {
    message: 'set or remove response headers with `responseHeaders`; hooks are not supported',
    fix: HOOK_FIX,
  },
  onOpen: { message: 'websocket hooks are not supported', fix: 'remove it' },
  onClose: { message: 'websocket hooks are not supported', fix: 'remove it' },
  onError: {
    message: 'upstream errors become a 502/504 answer and one log line; hooks are not supported',
    fix: 'remove it',
  },
  on: { message: 'event hooks are not supported; use `headers` and `responseHeaders`', fix: HOOK_FIX },
  configure: {
    message: 'the proxy instance is not exposed; use `headers` and `responseHeaders`',
    fix: HOOK_FIX,
  },
  bypass: {
    message:
      'choose which requests are proxied with `methods` or `matchHeaders` (page loads can stay on the dev server)',
    fix: 'matchHeaders: { accept: /json/ }',
  },
  plugins: {
    message: 'http-proxy-middleware plugins are not supported; use `headers` and `responseHeaders`',
    fix: HOOK_FIX,
  },
  ejectPlugins: {
    message: 'the built-in behaviour is configured per option (`cookies`, `redirects`, `xfwd`)',
    fix: 'cookies: false',
  },
  logger: {
    message: "the adapter passes your dev tool's logger; set the top-level `logLevel`",
    fix: "logLevel: 'debug'",
  },
  logProvider: {
    message: "the adapter passes your dev tool's logger; set the top-level `logLevel`",
    fix: "logLevel: 'debug'",
  },
  rewriteWsOrigin: {
    message: 'websocket upgrades have `Origin` rewritten by `rewriteOrigin` (default true)',
    fix: 'remove it',
  },
  source: {
    message: 'this looks like a Next.js rewrite; the path is the route key (or `path` in the array form)',
    fix: "'/api/:path*': { target: 'http://127.0.0.1:8080' }",
  },
  destination: {
    message: 'this looks like a Next.js rewrite; write the backend as `target` and the path as `rewrite`',
    fix: "target: 'http://127.0.0.1:8080', rewrite: '/v2/:path*'",
  },
})
