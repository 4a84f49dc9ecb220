import { LOOPBACK_ORIGIN_SOURCE } from './is-loopback-origin.ts'
import { toPolicyComment } from './to-policy-comment.ts'
import type { CorsPolicy, RenderContext, RenderedFile } from './types.ts'

/** The location part's file name: the http part's comment names it. */
export const NGINX_LOCATION_FILE = 'cors-policy.location.conf'

/** A value of the policy only for allowed origins: `""` (no header) for every other. */
const gated = (variable: string, value: string): string[] => [
  `map $cors_allow_origin ${variable} {`,
  '    "" "";',
  `    default "${value}";`,
  '}',
]

const indent = (lines: readonly string[]): string[] => lines.map((line) => `    ${line}`)

/** The `http {}` part: the maps that turn the request's Origin into the header values. */
function renderMaps(policy: CorsPolicy): string[] {
  const origins = [
    ...policy.origins.exact.map((origin) => `    "${origin}" $http_origin;`),
    ...(policy.origins.loopback ? [`    "~${LOOPBACK_ORIGIN_SOURCE}" $http_origin;`] : []),
  ]
  return [
    '# The request\'s Origin when its page may call the backend, else "": nginx sends no header whose',
    '# value is empty, so every CORS header below exists only for the allowed origins.',
    'map $http_origin $cors_allow_origin {',
    '    default "";',
    ...origins,
    '}',
    ...(policy.credentials ? gated('$cors_allow_credentials', 'true') : []),
    ...(policy.exposeHeaders.length > 0
      ? gated('$cors_expose_headers', policy.exposeHeaders.join(', '))
      : []),
    ...gated('$cors_allow_methods', policy.methods.join(', ')),
    ...(policy.allowHeaders.length > 0 ? gated('$cors_allow_headers', policy.allowHeaders.join(', ')) : []),
    ...gated('$cors_max_age', String(policy.maxAge)),
    '# A CORS preflight: OPTIONS announcing the method of the request to come.',
    'map "$request_method:$http_access_control_request_method" $cors_preflight {',
    '    default 0;',
    '    "~^OPTIONS:." 1;',
    '}',
  ]
}

/** The location part: the preflight answered with 204, the headers on every other answer. */
function renderLocation(policy: CorsPolicy): string[] {
  const common = [
    'add_header Access-Control-Allow-Origin $cors_allow_origin always;',
    ...(policy.credentials
      ? ['add_header Access-Control-Allow-Credentials $cors_allow_credentials always;']
      : []),
  ]
  return [
    '# Preflights are answered here and never reach the backend. (An `add_header` in a block drops',
    '# the ones it would inherit, so each block lists all of its own.)',
    'if ($cors_preflight) {',
    ...indent([
      ...common,
      'add_header Access-Control-Allow-Methods $cors_allow_methods always;',
      ...(policy.allowHeaders.length > 0
        ? ['add_header Access-Control-Allow-Headers $cors_allow_headers always;']
        : []),
      'add_header Access-Control-Max-Age $cors_max_age always;',
      'add_header Vary Origin always;',
      'return 204;',
    ]),
    '}',
    ...common,
    ...(policy.exposeHeaders.length > 0
      ? ['add_header Access-Control-Expose-Headers $cors_expose_headers always;']
      : []),
    'add_header Vary Origin always;',
    "# The backend's own CORS headers would come twice (browsers refuse two Access-Control-Allow-Origin).",
    'proxy_hide_header Access-Control-Allow-Origin;',
    'proxy_hide_header Access-Control-Allow-Credentials;',
    'proxy_hide_header Access-Control-Expose-Headers;',
  ]
}

/**
 * The policy for nginx, in two files: the `map`s for `http {}` (the request's Origin → the header
 * values, empty for any other origin, so nginx adds nothing for it) and the lines for the location
 * that proxies to the backend (the preflight answered with 204, the headers on every answer).
 */
export function renderNginx(policy: CorsPolicy, context: RenderContext): RenderedFile[] {
  const comment = toPolicyComment(policy, context, [
    `Include this file in http {}, and ${NGINX_LOCATION_FILE} in the location that proxies to the backend:`,
    '  http {',
    '    include cors-policy.http.conf;',
    `    server { location /api/ { include ${NGINX_LOCATION_FILE}; proxy_pass http://backend; } }`,
    '  }',
  ]).map((line) => `# ${line}`.trimEnd())
  return [
    { name: 'cors-policy.http.conf', content: [...comment, '', ...renderMaps(policy), ''].join('\n') },
    {
      name: NGINX_LOCATION_FILE,
      content: [
        `# Least-privilege CORS policy (${policy.mode}), the location part: see cors-policy.http.conf.`,
        '',
        ...renderLocation(policy),
        '',
      ].join('\n'),
    },
  ]
}
