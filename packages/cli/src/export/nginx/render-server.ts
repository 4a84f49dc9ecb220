import { ERROR_CODES } from '@sameorigin/core'
import type { ExportInput } from '../types.ts'
import { quoteNginx } from './quote-nginx.ts'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * The `server {}` blocks: one that answers every Host but the public origin's with 421 (DNS
 * rebinding: a foreign name pointed at this server reaches no route), and the app's, with the
 * request-wide settings, the unsafe-path refusal, the route locations and the static files.
 */
export function renderServer(input: ExportInput, locations: readonly string[]): string {
  const { origin } = input
  const https = origin.protocol === 'https:' && input.listen === undefined
  const port = input.listen ?? (origin.port === '' ? (https ? 443 : 80) : Number(origin.port))
  const listen = https ? `listen ${port} ssl http2` : `listen ${port}`
  const names = LOOPBACK.has(origin.hostname) ? [...LOOPBACK] : [origin.hostname]
  const tls = https
    ? [
        '',
        '  # The certificate for the public origin (certbot writes them under /etc/letsencrypt/live/).',
        `  ssl_certificate /etc/ssl/certs/${origin.hostname}.pem;`,
        `  ssl_certificate_key /etc/ssl/private/${origin.hostname}.key;`,
      ]
    : []
  return [
    ...renderFrontServers(origin, https, listen, names),
    'server {',
    `  ${listen};`,
    `  server_name ${names.join(' ')};`,
    ...tls,
    '',
    ...REQUEST_SETTINGS,
    ...UNSAFE_LOCATION,
    '',
    ...locations.flatMap((location) => [...location.split('\n').map((line) => `  ${line}`), '']),
    ...renderStatic(input.staticDir),
    '}',
    '',
  ].join('\n')
}

function toErrorBody(code: 'ERR_REQUEST_PATH_UNSAFE' | 'ERR_REQUEST_BODY_NOT_ALLOWED'): string {
  const { message, hint } = ERROR_CODES[code]
  return JSON.stringify({ error: { code, message, hint } })
}

const UNSAFE_BODY = toErrorBody('ERR_REQUEST_PATH_UNSAFE')

/** nginx's own 400s (and the unsafe paths above) answered with the engine's JSON error. */
const UNSAFE_LOCATION = [
  '  error_page 400 /__sameorigin/unsafe-path;',
  '  location = /__sameorigin/unsafe-path {',
  '    internal;',
  '    default_type "application/json; charset=utf-8";',
  `    return 400 ${quoteNginx(UNSAFE_BODY, true)};`,
  '  }',
]

/** What holds for every request: matching, redirects, bodies, streaming, and the refusals. */
const REQUEST_SETTINGS = [
  '  # Paths are matched as sent: `//` is not merged into `/`.',
  '  merge_slashes off;',
  '  # Redirects rewritten below stay origin-relative (`/api/login`), as the browser requested them.',
  '  absolute_redirect off;',
  '  # Request bodies of any size, streamed to the backend as they arrive.',
  '  client_max_body_size 0;',
  '  proxy_request_buffering off;',
  '  # Answers streamed as they arrive: event streams (text/event-stream) are not held back.',
  '  proxy_buffering off;',
  '  proxy_http_version 1.1;',
  '',
  '  if ($sameorigin_unsafe_path) {',
  '    rewrite ^ /__sameorigin/unsafe-path last;',
  '  }',
  '  if ($sameorigin_body_refused) {',
  '    rewrite ^ /__sameorigin/body-refused last;',
  '  }',
  '  location = /__sameorigin/body-refused {',
  '    internal;',
  '    default_type "application/json; charset=utf-8";',
  `    return 400 ${quoteNginx(toErrorBody('ERR_REQUEST_BODY_NOT_ALLOWED'), true)};`,
  '  }',
]

/**
 * The servers in front of the app's: port 80 sent to the https origin (when nginx serves TLS), and
 * the default server that refuses any other Host.
 */
function renderFrontServers(origin: URL, https: boolean, listen: string, names: readonly string[]): string[] {
  const redirect = https
    ? [
        '# Plain http on port 80: sent to the https origin.',
        'server {',
        '  listen 80;',
        `  server_name ${names.join(' ')};`,
        `  return 301 ${origin.origin}$request_uri;`,
        '}',
        '',
      ]
    : []
  return [
    ...redirect,
    '# Any other Host: refused before any route (a DNS-rebinding page cannot reach the routes).',
    '# nginx refuses some paths before it reads the Host (`/..%2F..` climbs above the root): this',
    '# server answers those, with the same body as the app server.',
    'server {',
    `  ${listen} default_server;`,
    '  server_name _;',
    ...(https ? ['  ssl_reject_handshake on;'] : []),
    ...UNSAFE_LOCATION,
    '  location / {',
    '    return 421;',
    '  }',
    '}',
    '',
  ]
}

function renderStatic(staticDir: string | undefined): string[] {
  if (staticDir === undefined)
    return [
      '  # No --static: what no route matches is not found.',
      '  location / {',
      '    return 404;',
      '  }',
    ]
  return [
    "  # The app's built files (a relative path is read from nginx's prefix folder: prefer an absolute",
    '  # one); any other path gets index.html, so the single-page app routes it.',
    `  root ${quoteNginx(staticDir)};`,
    '  location / {',
    '    try_files $uri $uri/ /index.html;',
    '  }',
  ]
}
