import type { UserConfig } from '../../src/types.ts'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'

/** The exact text a user sees for a bad config (the message of the one ERR_CONFIG_INVALID). */
function errorText(config: unknown, options: Parameters<typeof resolveConfig>[1] = { env: {} }): string {
  try {
    resolveConfig(config as UserConfig, options)
  } catch (error) {
    if (isProxyError(error) && error.code === 'ERR_CONFIG_INVALID') return error.message
    throw error
  }
  throw new Error('expected resolveConfig to throw')
}

describe('what users see for bad configs', () => {
  it('headers that are neither an object nor a function', () => {
    expect(errorText({ routes: { '/api': { target: 'http://b:1', headers: 'Bearer x' } } }))
      .toMatchInlineSnapshot(`
      "Invalid sameorigin config, 1 problem:
        ✖ routes['/api'].headers: must be an object of header names to values, or a function that returns one, got the string 'Bearer x'
          fix: { 'x-api-key': 'dev', cookie: null } or async () => ({ authorization: \`Bearer \${await getToken()}\` })"
    `)
  })

  it('a missing target', () => {
    expect(errorText({ routes: { '/api': { changeOrigin: true } } })).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 1 problem:
        ✖ routes['/api'].target: is missing
          fix: target: 'http://127.0.0.1:8080'"
    `)
  })

  it('a scheme missing its colon keeps the scheme in the fix (never http://http//)', () => {
    const fixes = ['http//127.0.0.1:4020', 'https:/staging.example.com', 'HTTP//api.test'].map(
      (target) => errorText({ routes: { '/api': target } }).split('fix: ')[1],
    )
    expect(fixes).toEqual([
      "'/api': 'http://127.0.0.1:4020'",
      "'/api': 'https://staging.example.com'",
      "'/api': 'http://api.test'",
    ])
  })

  it('a target without scheme, and a websocket URL', () => {
    expect(
      errorText({ routes: { '/api': 'localhost:8080', '/ws': { target: 'ws://localhost:8080/socket' } } }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 2 problems:
        ✖ routes['/api']: 'localhost:8080' has no http:// or https:// scheme
          fix: '/api': 'http://localhost:8080'
        ✖ routes['/ws'].target: websocket targets are written with http(s); \`ws: true\` (the default) proxies upgrades
          fix: target: 'http://localhost:8080/socket'"
    `)
  })

  it('a target with credentials, a query and a non-http scheme', () => {
    expect(
      errorText({
        routes: [
          { path: '/a', target: 'https://user:secret@api.example.com/v1' },
          { path: '/b', target: 'http://api.example.com/?key=1' },
          { path: '/c', target: 'ftp://files.example.com' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 3 problems:
        ✖ routes[0].target: contains credentials; send them as a header (headers: { authorization: 'Basic …' })
          fix: target: 'https://api.example.com/v1'
        ✖ routes[1].target: has a query string; the request's own query is forwarded
          fix: target: 'http://api.example.com'
        ✖ routes[2].target: uses ftp:, but only http: and https: targets can be proxied
          fix: target: 'http://127.0.0.1:8080'"
    `)
  })

  it('a typo in a route option (did you mean)', () => {
    expect(
      errorText({
        routes: { '/api': { target: 'http://127.0.0.1:8080', changeOrgin: true, timout: 5000, foo: 1 } },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 3 problems:
        ✖ routes['/api'].changeOrgin: is not a route option; did you mean \`changeOrigin\`?
          fix: changeOrigin: true
        ✖ routes['/api'].timout: is not a route option; did you mean \`timeout\`?
          fix: timeout: 5000
        ✖ routes['/api'].foo: is not a route option
          fix: one of: target, rewrite, methods, matchHeaders, headers, responseHeaders, ws, timeout, connectTimeout, changeOrigin, xfwd, rewriteOrigin, cookies, redirects, secure, ca, mock"
    `)
  })

  it('a pasted Vite server.proxy: the function rewrite is fine, `bypass` and `configure` are not', () => {
    expect(
      errorText({
        routes: {
          '/api': {
            target: 'http://127.0.0.1:8080',
            changeOrigin: true,
            rewrite: (path: string) => path.replace(/^\/api/, ''),
            bypass: () => undefined,
            configure: () => undefined,
          },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 2 problems:
        ✖ routes['/api'].bypass: is not supported: choose which requests are proxied with \`methods\` or \`matchHeaders\` (page loads can stay on the dev server)
          fix: matchHeaders: { accept: /json/ }
        ✖ routes['/api'].configure: is not supported: the proxy instance is not exposed; use \`headers\` and \`responseHeaders\`
          fix: headers: { 'x-api-key': 'dev' }, responseHeaders: { 'cache-control': null }"
    `)
  })

  it('a pasted http-proxy-middleware config with `router`, hooks and cookie options', () => {
    expect(
      errorText({
        routes: [
          {
            context: ['/api', '/auth'],
            target: 'http://127.0.0.1:8080',
            router: { 'dev.localhost:3000': 'http://127.0.0.1:8000' },
            onProxyReq: () => undefined,
            cookieDomainRewrite: 'localhost',
            followRedirects: true,
          },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 4 problems:
        ✖ routes[0].router: is not supported: a route does not choose its target per request; declare one route per backend
          fix: '/api': { target: '\${API_TARGET:-http://127.0.0.1:8080}' }
        ✖ routes[0].onProxyReq: is not supported: set or remove request headers with \`headers\`; hooks are not supported
          fix: headers: { 'x-api-key': 'dev' }, responseHeaders: { 'cache-control': null }
        ✖ routes[0].cookieDomainRewrite: is not supported: cookies are rewritten by default (\`cookies: true\`)
          fix: remove it
        ✖ routes[0].followRedirects: is not supported: redirects go back to the browser, rewritten to the dev server (\`redirects: true\`); they are not followed on the server
          fix: remove it"
    `)
  })

  it('an Angular proxy.conf.json whose pathRewrite cannot be read', () => {
    expect(
      errorText({
        routes: {
          '/api': {
            target: 'http://localhost:3000',
            secure: 'false',
            pathRewrite: { '^/api(': '' },
            logLevel: 'debug',
          },
          '/auth': { target: 'http://localhost:3000', pathRewrite: { '^/auth': 42 }, logLevel: 'verbose' },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 4 problems:
        ✖ routes['/api'].secure: must be true or false, got the string 'false'
          fix: secure: false
        ✖ routes['/api'].pathRewrite: '^/api(' is not a valid regular expression (Invalid regular expression: /^/api(/: Unterminated group)
          fix: pathRewrite: { '^/api': '' }
        ✖ routes['/auth'].logLevel: must be one of 'debug', 'info', 'warn', 'error', 'silent', got the string 'verbose'
          fix: remove it, and set logLevel: 'debug' at the top level
        ✖ routes['/auth'].pathRewrite: the replacement for '^/auth' must be a string
          fix: pathRewrite: { '^/auth': '' }
        ⚠ routes['/api'].logLevel: is ignored: log levels are not set per route
          fix: set it once at the top level: logLevel: 'debug'"
    `)
  })

  it('bad patterns and a bad regular expression', () => {
    expect(
      errorText({
        routes: {
          '/api/*': 'http://a:1',
          '/users/:': 'http://a:1',
          '/users/(\\d+)': 'http://a:1',
          '^/v(\\d+': 'http://a:1',
          api: 'http://a:1',
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 5 problems:
        ✖ routes['/api/*']: '*' is not a wildcard here
          fix: '/api' (a prefix also matches everything below it) or '/api/:path*'
        ✖ routes['/users/:']: ':' must be followed by a parameter name (write '\\\\:' for a literal colon)
          fix: '/users/:id'
        ✖ routes['/users/(\\\\d+)']: '(' is regular expression syntax
          fix: start the key with '^' for a regular expression: '^/users/(\\\\d+)'
        ✖ routes['^/v(\\\\d+']: is not a valid regular expression (Invalid regular expression: /^/v(\\d+/: Unterminated group)
          fix: '^/api/v\\\\d+/'
        ✖ routes['api']: must start with '/'
          fix: '/api'"
    `)
  })

  it('a missing environment variable names the env files', () => {
    expect(
      errorText(
        {
          routes: {
            '/api': '${API_TARGET}',
            '/auth': { target: '${AUTH_ORIGIN}/v1' },
            '/ok': '${OK:-http://127.0.0.1:9000}',
          },
        },
        {
          env: { AUTH_ORIGIN: '' },
          envFiles: ['.env.development.local', '.env.local', '.env'],
          configFile: 'sameorigin.config.ts',
        },
      ),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config (sameorigin.config.ts), 2 problems:
        ✖ routes['/api']: uses \${API_TARGET}, which is not set
          fix: set API_TARGET=http://127.0.0.1:8080 in .env.development.local, .env.local, .env or the shell, or give a default: \${API_TARGET:-http://127.0.0.1:8080}
        ✖ routes['/auth'].target: uses \${AUTH_ORIGIN}, which is not set
          fix: set AUTH_ORIGIN=http://127.0.0.1:8080 in .env.development.local, .env.local, .env or the shell, or give a default: \${AUTH_ORIGIN:-http://127.0.0.1:8080}"
    `)
  })

  it('a missing variable inside a URL gets a value that fits where it stands', () => {
    expect(
      errorText(
        {
          routes: {
            '/assets': 'https://${CDN_HOST}/assets',
            '/img': 'http://${IMG_HOST}:9000/img',
            '/port': 'http://127.0.0.1:${API_PORT}',
            '/v': 'https://api.example.test/${API_VERSION}',
            '/origin': '${AUTH_ORIGIN}/login',
            '/scheme': '${PROTO}://127.0.0.1:8080',
          },
        },
        { env: {}, envFiles: ['.env'] },
      ),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 6 problems:
        ✖ routes['/assets']: uses \${CDN_HOST}, which is not set
          fix: set CDN_HOST=127.0.0.1:8080 in .env or the shell, or give a default: \${CDN_HOST:-127.0.0.1:8080}
        ✖ routes['/img']: uses \${IMG_HOST}, which is not set
          fix: set IMG_HOST=127.0.0.1 in .env or the shell, or give a default: \${IMG_HOST:-127.0.0.1}
        ✖ routes['/port']: uses \${API_PORT}, which is not set
          fix: set API_PORT=8080 in .env or the shell, or give a default: \${API_PORT:-8080}
        ✖ routes['/v']: uses \${API_VERSION}, which is not set
          fix: set API_VERSION=v1 in .env or the shell, or give a default: \${API_VERSION:-v1}
        ✖ routes['/origin']: uses \${AUTH_ORIGIN}, which is not set
          fix: set AUTH_ORIGIN=http://127.0.0.1:8080 in .env or the shell, or give a default: \${AUTH_ORIGIN:-http://127.0.0.1:8080}
        ✖ routes['/scheme']: uses \${PROTO}, which is not set
          fix: set PROTO=http in .env or the shell, or give a default: \${PROTO:-http}"
    `)
  })

  it('negative, fractional and huge timeouts', () => {
    expect(
      errorText({
        routes: {
          '/api': { target: 'http://a:1', timeout: -1, connectTimeout: 1.5 },
          '/b': { target: 'http://a:1', timeout: 2 ** 31 },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 3 problems:
        ✖ routes['/api'].timeout: must be a whole number of milliseconds, 0 or more, got -1
          fix: timeout: 30000
        ✖ routes['/api'].connectTimeout: must be a whole number of milliseconds, 0 or more, got 1.5
          fix: connectTimeout: 5000
        ✖ routes['/b'].timeout: must be at most 2147483647 ms (about 24.8 days); use 0 to disable it
          fix: timeout: 30000"
    `)
  })

  it('CR/LF in a header value, a bad header name and a number value', () => {
    expect(
      errorText({
        routes: {
          '/api': {
            target: 'http://a:1',
            headers: { 'x-user': 'me\r\nx-admin: true', 'bad name': 'x', 'x-retry': 3 },
            responseHeaders: { 'X-A': '1', 'x-a': '2' },
          },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 4 problems:
        ✖ routes['/api'].headers['x-user']: contains a line break or control character, which would let it inject headers
          fix: 'me x-admin: true'
        ✖ routes['/api'].headers['bad name']: is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)
          fix: 'bad-name'
        ✖ routes['/api'].headers['x-retry']: must be a string, or null to remove the header, got 3
          fix: '3'
        ✖ routes['/api'].responseHeaders['x-a']: repeats 'X-A' (header names ignore case)
          fix: keep one of them"
    `)
  })

  it('framing fields in a route header map', () => {
    expect(
      errorText({
        routes: {
          '/api': {
            target: 'http://a:1',
            headers: { 'Content-Length': '5' },
            responseHeaders: { 'transfer-encoding': 'chunked' },
          },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 2 problems:
        ✖ routes['/api'].headers['Content-Length']: sets how the message body is delimited, which sameorigin decides from the body itself (a wrong value lets a body be read as a second request)
          fix: remove 'Content-Length': every body is framed with the right Content-Length or chunked encoding
        ✖ routes['/api'].responseHeaders['transfer-encoding']: sets how the message body is delimited, which sameorigin decides from the body itself (a wrong value lets a body be read as a second request)
          fix: remove 'transfer-encoding': every body is framed with the right Content-Length or chunked encoding"
    `)
  })

  it('wrong types for methods, booleans, matchHeaders and ca', () => {
    expect(
      errorText({
        routes: [
          { path: '/a', target: 'http://a:1', methods: 'get' },
          {
            path: '/b',
            target: 'http://a:1',
            methods: ['GTE', 'POST', 1],
            ws: 'true',
            matchHeaders: { accept: 1 },
          },
          { path: '/c', target: 'http://a:1', methods: [], ca: './certs/ca.pem' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 7 problems:
        ✖ routes[0].methods: must be a list of methods
          fix: methods: ['GET']
        ✖ routes[1].ws: must be true or false, got the string 'true'
          fix: ws: true
        ✖ routes[1].methods[0]: 'GTE' is not an HTTP method; did you mean 'GET'?
          fix: 'GET'
        ✖ routes[1].methods[2]: must be a method name, got 1
          fix: 'GET'
        ✖ routes[1].matchHeaders['accept']: must be a string, a RegExp, true (present) or false (absent), got 1
          fix: { accept: /json/, 'x-mock': false }
        ✖ routes[2].methods: is empty, so the route could never match
          fix: remove \`methods\` to match every method
        ✖ routes[2].ca: is not PEM text (a certificate starts with -----BEGIN CERTIFICATE-----); pass the file contents, not its path
          fix: ca: readFileSync('./certs/ca.pem', 'utf8')"
    `)
  })

  it('bad rewrites', () => {
    expect(
      errorText({
        routes: {
          '/users/:id': { target: 'http://a:1', rewrite: '/u/:user' },
          '/api': { target: 'http://a:1', rewrite: 'v2/:path*' },
          '^/v\\d': { target: 'http://a:1', rewrite: '/x/:version' },
          '/b': { target: 'http://a:1', rewrite: 42, pathRewrite: { '^/b': '' } },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 5 problems:
        ✖ routes['/users/:id'].rewrite: uses :user, but the route's path only captures :id
          fix: rewrite: '/u/:id'
        ✖ routes['/api'].rewrite: must start with '/'
          fix: rewrite: '/v2/:path*'
        ✖ routes['^/v\\\\d'].rewrite: uses :version, but the route's path captures no parameters
          fix: name the group in the path: (?<version>[^/]+)
        ✖ routes['/b'].pathRewrite: cannot be combined with \`rewrite\`
          fix: keep only \`rewrite\`
        ✖ routes['/b'].rewrite: must be a path template or a function, got 42
          fix: rewrite: '/v2/:path*' or rewrite: (path) => path.replace(/^\\/api/, '')"
    `)
  })

  it('malformed routes, entries and top-level values', () => {
    expect(
      errorText({
        route: {},
        logLevel: 'verbose',
        routes: [
          { target: 'http://a:1' },
          'http://a:1',
          { path: 42, target: 'http://a:1' },
          { path: [], target: 'http://a:1' },
          { path: '/x', context: '/y', target: 'http://a:1' },
        ],
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 6 problems:
        ✖ logLevel: must be one of 'debug', 'info', 'warn', 'error', 'silent', got the string 'verbose'
          fix: logLevel: 'info'
        ✖ routes[0].path: is missing: array entries say which paths they take
          fix: { path: '/api', target: 'http://127.0.0.1:8080' }
        ✖ routes[1]: must be an object with \`path\` and \`target\`, got the string 'http://a:1'
          fix: { path: '/api', target: 'http://127.0.0.1:8080' }
        ✖ routes[2].path: must be a string or a RegExp, got 42
          fix: path: '/api'
        ✖ routes[3].path: is an empty list
          fix: path: ['/api', '/auth']
        ✖ routes[4].context: repeats the paths already given by \`path\`
          fix: keep only \`path\`
        ⚠ route: is not a sameorigin option and is ignored; did you mean \`routes\`?
          fix: routes: …"
    `)
  })

  it('object-form values that are neither string nor object', () => {
    expect(
      errorText({
        routes: {
          '/a': undefined,
          '/b': 8080,
          '/c': ['http://a:1'],
          '/d': { target: 8080 },
          '/e': { target: { host: 'localhost', port: 3000 } },
        },
      }),
    ).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 5 problems:
        ✖ routes['/a']: is undefined; a route needs the URL of the backend
          fix: '/a': 'http://127.0.0.1:8080'
        ✖ routes['/b']: must be a target URL string or an options object, got 8080
          fix: '/b': 'http://127.0.0.1:8080'
        ✖ routes['/c']: must be a target URL string or an options object, got an array
          fix: '/c': 'http://127.0.0.1:8080'
        ✖ routes['/d'].target: must be a URL string, got 8080
          fix: target: 'http://127.0.0.1:8080'
        ✖ routes['/e'].target: must be a URL string, got an object
          fix: target: 'http://localhost:3000'"
    `)
  })

  it('routes of the wrong type, and a config that is not an object', () => {
    expect(errorText({ routes: 'http://a:1' })).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 1 problem:
        ✖ routes: must be an object of paths to targets or an array of entries, got the string 'http://a:1'
          fix: routes: { '/api': 'http://127.0.0.1:8080' }"
    `)
    expect(errorText(null)).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 1 problem:
        ✖ config: must be an object, got null
          fix: export default defineConfig({ routes: { ... } })"
    `)
  })
})

describe('the error object', () => {
  it('carries every issue with code, severity, path, message and fix, and the registry hint and docs', () => {
    let caught: unknown
    try {
      resolveConfig({
        routes: { '/api': { target: 'nope', timeout: -1 }, '/x': 'http://a:1', '/x/y': 'http://a:1' },
      } as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({
      name: 'ProxyError',
      code: 'ERR_CONFIG_INVALID',
      status: 500,
      docs: 'docs/errors/ERR_CONFIG_INVALID.md',
    })
    expect((caught as { issues: unknown }).issues).toEqual([
      expect.objectContaining({
        code: 'ERR_RULE_TARGET_INVALID',
        severity: 'error',
        path: "routes['/api'].target",
        fix: "target: 'http://nope'",
      }),
      expect.objectContaining({
        code: 'ERR_RULE_OPTION_INVALID',
        severity: 'error',
        path: "routes['/api'].timeout",
      }),
    ])
  })
})
