/**
 * The one registry of error codes. Messages, hints, HTTP statuses and docs pages all come from here.
 * Codes never change once released; each has `docs/errors/<code>.md` (checked in CI).
 */

export interface ErrorCodeInfo {
  /** What went wrong, in one sentence. */
  readonly message: string
  /** What to do about it. */
  readonly hint: string
  /** The HTTP status a proxied request gets when this error ends it. */
  readonly status: number
}

export const ERROR_CODES = {
  // --- configuration -------------------------------------------------------------------------------
  ERR_CONFIG_INVALID: {
    message: 'The sameorigin configuration is invalid.',
    hint: 'Fix every problem listed; each names the key, what is wrong and an example.',
    status: 500,
  },
  ERR_CONFIG_LOAD_FAILED: {
    message: 'The config file could not be loaded.',
    hint: 'Check the file for syntax errors and that it exports the config (`export default defineConfig({...})`).',
    status: 500,
  },
  ERR_CONFIG_NOT_FOUND: {
    message: 'No config file was found and no routes were given: nothing is proxied.',
    hint: "Create sameorigin.config.ts with export default defineConfig({ routes: { '/api': 'http://127.0.0.1:8080' } }).",
    status: 500,
  },
  ERR_CONFIG_ENV_MISSING: {
    message: 'A target names an environment variable that is not set.',
    hint: 'Set the variable in .env, .env.local or the shell, or give a default: ${VAR:-http://127.0.0.1:8080}.',
    status: 500,
  },
  ERR_CONFIG_KEY_UNKNOWN: {
    message: 'The config has a key sameorigin does not know.',
    hint: 'Remove the key or correct its spelling.',
    status: 500,
  },
  ERR_CONFIG_VALUE_INVALID: {
    message: 'A top-level config value has the wrong type or value.',
    hint: 'Use a value of the type the docs give for this key.',
    status: 500,
  },

  // --- routes --------------------------------------------------------------------------------------
  ERR_RULE_TARGET_MISSING: {
    message: 'A route has no target.',
    hint: "Give the route a target URL: '/api': 'http://127.0.0.1:8080'.",
    status: 500,
  },
  ERR_RULE_TARGET_INVALID: {
    message: 'A route target is not an absolute http(s) URL.',
    hint: "Write the full URL with its scheme: 'http://127.0.0.1:8080' or 'https://staging.example.com/v1'.",
    status: 500,
  },
  ERR_RULE_PATH_INVALID: {
    message: 'A route path cannot be used.',
    hint: "Start paths with '/', use ':name', ':name*' or ':name+' for parameters, or '^' for a regular expression.",
    status: 500,
  },
  ERR_RULE_KEY_UNKNOWN: {
    message: 'A route has an option sameorigin does not know.',
    hint: 'Remove the option or correct its spelling (the message suggests the closest known option).',
    status: 500,
  },
  ERR_RULE_OPTION_INVALID: {
    message: 'A route option has the wrong type or value.',
    hint: 'Use a value of the type the docs give for this option.',
    status: 500,
  },
  ERR_RULE_OPTION_UNSUPPORTED: {
    message: 'A route uses an option from another proxy that has no meaning here.',
    hint: 'The message names what to use instead.',
    status: 500,
  },
  ERR_RULE_SHADOWED: {
    message: 'A route can never match because an earlier route matches every request it would.',
    hint: 'Move the more specific route above the broader one.',
    status: 500,
  },
  ERR_RULE_REWRITE_INVALID: {
    message: 'A route rewrite cannot be used.',
    hint: "Use a path template with the route's parameters ('/v2/:path*') or a function (path) => string.",
    status: 500,
  },

  // --- requests ------------------------------------------------------------------------------------
  ERR_REQUEST_PATH_UNSAFE: {
    message: 'The request path could change which route matches or leave the target base path.',
    hint: 'Encoded slashes, backslashes, NUL bytes and double-encoded dots are refused; send a plain path.',
    status: 400,
  },
  ERR_REQUEST_FRAMING_INVALID: {
    message: "The request's Content-Length or Transfer-Encoding does not say where its body ends.",
    hint: 'Send one Content-Length with the exact number of bytes, or a chunked body; HTTP clients do this for you.',
    status: 400,
  },
  ERR_REQUEST_BODY_NOT_ALLOWED: {
    message: 'A GET or HEAD request carrying a body is not forwarded.',
    hint: 'Send the data with POST (or PUT, PATCH), or in the query string; browsers cannot send a GET body anyway.',
    status: 400,
  },
  ERR_REQUEST_METHOD_NOT_ALLOWED: {
    message: 'TRACE requests are not forwarded: they echo cookies and credentials back (cross-site tracing).',
    hint: 'Use another method; a backend that needs TRACE can be called directly.',
    status: 405,
  },
  ERR_REQUEST_ORIGIN_NOT_ALLOWED: {
    message: "The page's origin is not allowed to call this proxy (CORS mode).",
    hint: "Allow the calling page's origin: sameorigin serve --allow-origin http://localhost:6006 (or createProxy's `cors.origins`).",
    status: 403,
  },

  ERR_ROUTE_HEADERS_INVALID: {
    message: "A route's headers function returned a value that cannot be sent upstream.",
    hint: 'Return an object of valid header names to strings (or null to remove one), without line breaks, Content-Length or Transfer-Encoding.',
    status: 500,
  },
  ERR_ROUTE_HEADERS_FAILED: {
    message: "A route's headers function threw or its promise rejected, so the request was not forwarded.",
    hint: 'Fix the error the function reports (a token refresh that failed, a CLI login that expired); its message is in the answer and the log.',
    status: 502,
  },

  // --- engine: the request, the upstream and websockets ---------------------------------------------
  ERR_REQUEST_HOST_INVALID: {
    message: 'The request has no usable Host header, so the dev origin for rewriting cannot be known.',
    hint: 'Send exactly one Host header of the form host[:port]; browsers always do.',
    status: 400,
  },
  ERR_REQUEST_HOST_NOT_ALLOWED: {
    message: 'The request names a host this dev server does not answer for (DNS rebinding protection).',
    hint: "Add the host to allowedHosts (e.g. allowedHosts: ['.example.test']), or use localhost.",
    status: 403,
  },
  ERR_UPSTREAM_UNREACHABLE: {
    message: 'The backend refused the connection or could not be reached.',
    hint: 'Start the backend, or check the host and port in the route target.',
    status: 502,
  },
  ERR_UPSTREAM_DNS_FAILED: {
    message: "The backend's host name could not be resolved.",
    hint: 'Check the host name in the route target, and your VPN or DNS settings.',
    status: 502,
  },
  ERR_UPSTREAM_TLS_FAILED: {
    message: 'The TLS handshake with the backend failed, or its certificate was not accepted.',
    hint: "Give the route the backend's CA (`ca`), or set `secure: false` for a development certificate.",
    status: 502,
  },
  ERR_UPSTREAM_CONNECT_TIMEOUT: {
    message: 'Connecting to the backend took longer than the route allows.',
    hint: "Check that the backend host is reachable (VPN, firewall), or raise the route's `connectTimeout`.",
    status: 504,
  },
  ERR_UPSTREAM_TIMEOUT: {
    message: 'The backend stayed silent for longer than the route allows.',
    hint: "Check the backend for slow or stuck requests, or raise the route's `timeout` (0 disables it).",
    status: 504,
  },
  ERR_UPSTREAM_RESET: {
    message: 'The backend closed the connection before its response was complete.',
    hint: "Check the backend's logs: it may have crashed, or it expects another protocol (https vs http).",
    status: 502,
  },
  ERR_UPSTREAM_RESPONSE_INVALID: {
    message: 'The backend answered with something that is not valid HTTP.',
    hint: 'Check that the target port serves HTTP, and that the scheme (http:// or https://) is right.',
    status: 502,
  },
  ERR_UPSTREAM_PROXY_FAILED: {
    message: 'The forward proxy from HTTPS_PROXY / HTTP_PROXY could not be used to reach the backend.',
    hint: 'Check the proxy URL in HTTPS_PROXY / HTTP_PROXY, or add the backend host to NO_PROXY.',
    status: 502,
  },
  ERR_UPSTREAM_FAILED: {
    message: 'The request to the backend failed.',
    hint: 'The message names the cause; check the backend and the route target.',
    status: 502,
  },
  ERR_WS_UPGRADE_REFUSED: {
    message: 'The backend answered the WebSocket handshake without switching protocols.',
    hint: 'Check that the backend serves WebSockets on this path, or set `ws: false` on the route.',
    status: 502,
  },
  ERR_WS_CONNECTION_LOST: {
    message: 'An open WebSocket connection to the backend failed.',
    hint: "Check the backend's logs; the browser side was closed so the page can reconnect.",
    status: 502,
  },
  // --- mocks: recorded answers and handlers --------------------------------------------------------
  ERR_MOCK_NOT_FOUND: {
    message:
      "No mock answers this request, and the route's mock is in 'always' mode: the backend is not asked.",
    hint: "Record the answer once (mode: 'record' with the backend up), or write the file the message names by hand.",
    status: 404,
  },
  ERR_MOCK_FILE_INVALID: {
    message: 'A mock file cannot be used.',
    hint: 'Fix the file the message names: { "status": 200, "headers": { ... }, "body": ... }, or "bodyFile" naming a file beside it.',
    status: 500,
  },
  ERR_MOCK_HANDLER_FAILED: {
    message:
      "A route's mock handler failed: it threw, its module could not be loaded, or it returned something other than a Response.",
    hint: 'Fix the error the message names; a handler returns a Response, or undefined to leave the request to the mock folder.',
    status: 500,
  },
  ERR_MOCK_WS_UNSUPPORTED: {
    message: "Websockets are not mocked: this route's mock is in 'always' mode, so the backend is not asked.",
    hint: "Use mode: 'fallback' (websockets then go to the backend), or a route of their own without a mock.",
    status: 501,
  },
  ERR_MOCK_UNSUPPORTED: {
    message: 'This transport cannot read or write mock files.',
    hint: 'Give the handler as a function (not a module path) and no `dir`, or run on Node, where the `node` condition of @sameorigin/core/fetch reads mock folders.',
    status: 500,
  },
  // --- the sameorigin command ----------------------------------------------------------------------
  ERR_CLI_ARGUMENT_INVALID: {
    message: 'A command-line argument is missing or cannot be used.',
    hint: 'Run the command with --help to see its arguments and an example.',
    status: 400,
  },
  ERR_CLI_REQUEST_FAILED: {
    message: 'sameorigin doctor could not get an answer from the URL.',
    hint: 'Check that the backend is running and the URL (scheme, host, port) is right; a browser would fail the same way.',
    status: 502,
  },
  ERR_CLI_PROJECT_NOT_DETECTED: {
    message: 'No Vite, webpack, Rspack, Rsbuild or Next project was found in this folder.',
    hint: 'Run the command in the folder of your app (where package.json and the tool config are), or pass --tool.',
    status: 500,
  },
  ERR_CLI_CONFIG_EDIT_FAILED: {
    message: 'The tool config file could not be edited safely.',
    hint: 'Add the plugin by hand as the printed snippet shows; nothing was written.',
    status: 500,
  },
} as const

/** Every stable error code. */
export type ErrorCode = keyof typeof ERROR_CODES

/**
 * What a user runs to read the page explaining a code, offline: the line every error message, log
 * line and error page ends with (the page itself ships inside this package, see `readErrorPage`).
 * @example toExplainCommand('ERR_CONFIG_INVALID') // 'sameorigin explain ERR_CONFIG_INVALID'
 */
export function toExplainCommand(code: ErrorCode): string {
  return `sameorigin explain ${code}`
}

/** Where the page explaining a code lives, relative to the repository root. */
export function toDocsPath(code: ErrorCode): string {
  return `docs/errors/${code}.md`
}
