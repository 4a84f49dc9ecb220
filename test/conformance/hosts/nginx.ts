import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXPORT_TARGETS } from '@sameorigin/cli'
import { resolveConfig } from '@sameorigin/core'
import { HAS_NGINX, NGINX_PATH, startNginx } from '@sameorigin/test-utils'
import { tailLogs } from '../src/tail-logs.ts'
import type { CapturedLogs, Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'

/** nginx's error log since the last `clear()`: what an operator reads when a request fails. */
function errorLogLines(dir: string): CapturedLogs {
  const file = join(dir, 'error.log')
  const read = (): string => {
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return ''
    }
  }
  return tailLogs(read, (line) => (/\[(?:error|crit|alert|emerg)\]/.test(line) ? 'error' : 'info'))
}

/**
 * The real nginx (Debian's 1.22) running what `sameorigin export nginx --origin http://127.0.0.1:<port>
 * --listen <port> --static <fixture>` writes: the production config of the same routes, compared with
 * the dev proxy scenario by scenario. The logs are nginx's error log.
 */
export const nginx: Host = defineHost({
  name: 'nginx',
  capabilities: {
    hmr: 'a production server: there is no HMR websocket',
    ssr: NO_SERVER_RENDERING,
    inspector: 'the inspector is a dev-server tool: the exported config runs the routes only',
    mocks:
      'mocks answer in development only: the exported config always forwards to the backend (a declared loss)',
    configReload:
      'nginx reads the exported file when it starts or reloads: run `sameorigin export nginx` again, then `nginx -s reload`',
    dynamicHeaders:
      "nginx sends fixed header values: a route's `headers` function is not called (a declared loss; `sameorigin export cloudflare` runs it)",
    methodConditions:
      'a request with another method is answered 405 instead of going on to the next route (a declared loss)',
    errorBodies:
      "nginx answers 502 with the engine's JSON error, but a navigation gets no HTML page, and nginx's error log has its own line (`connect() failed`), not the code",
    routeTimeouts:
      "nginx answers 504 with the engine's JSON error when the route's `timeout` passes, but its error log has its own line (`upstream timed out`), not the code",
    cookieRewrite:
      'nginx empties Domain (`Domain=`, which browsers ignore) instead of removing it; on plain http it drops Secure and sets SameSite=Lax on every cookie (Strict too: it cannot lower only None), and cannot rename __Secure-/__Host- cookies (a declared loss)',
    wsErrors:
      "a websocket handshake is answered 502 (upstream down) or 400 (unsafe path) as a request is, but nginx's error log has its own line, not the code",
    connectRefusal:
      'nginx answers CONNECT itself with 400 Bad Request (no tunnel either), not 405 with Allow',
    rewriteQuery:
      "nginx puts a rewrite's own query before the request's, and a parameter both name is sent twice (a declared loss)",
    http2:
      'the export listens for HTTP/1.1 on --listen; TLS and HTTP/2 come with the certificate you configure for the origin',
  },
  async start(fixtureDir, config) {
    if (!HAS_NGINX) throw new Error(`nginx is not installed at ${NGINX_PATH} (apt-get install nginx-light)`)
    const target = EXPORT_TARGETS.nginx
    if (target === undefined)
      throw new Error('@sameorigin/cli has no nginx export target (build packages/cli)')
    const resolved = resolveConfig(config, { env: {} })
    const server = await startNginx({
      config: (port) => {
        const origin = `http://127.0.0.1:${port}`
        const { files } = target.render({
          config: resolved,
          origin: new URL(origin),
          staticDir: fixtureDir,
          listen: port,
          mode: 'production',
          command: `sameorigin export nginx --origin ${origin} --static ${fixtureDir} --listen ${port}`,
        })
        const [main, ...rest] = files
        return {
          config: main?.content ?? '',
          files: Object.fromEntries(rest.map((file) => [file.path, file.content])),
        }
      },
    })
    return {
      url: server.url,
      port: server.port,
      root: fixtureDir,
      logs: errorLogLines(server.dir),
      close: server.close,
    }
  },
})
