import { EXPORT_TARGETS } from '@sameorigin/cli'
import { resolveConfig } from '@sameorigin/core'
import { startCaddy } from '@sameorigin/test-utils'
import { tailLogs } from '../src/tail-logs.ts'
import type { CapturedLogs, Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'

/** Caddy's log lines (JSON on stderr) since the last `clear()`, with their levels. */
function caddyLogs(printed: () => string): CapturedLogs {
  return tailLogs(printed, (line) => {
    try {
      const { level } = JSON.parse(line) as { level?: string }
      return level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'info'
    } catch {
      return 'info'
    }
  })
}

/**
 * The Caddyfile `sameorigin export caddy --origin http://127.0.0.1:<port> --listen <port> --static
 * <fixture>` writes, run by the real Caddy (Debian's 2.6, `/usr/bin/caddy`; `CADDY` overrides): the
 * production server the config becomes, with no sameorigin code running. What Caddy cannot do is
 * declared below and, for the user, printed by the export as losses.
 */
export const caddy: Host = defineHost({
  name: 'caddy',
  capabilities: {
    hmr: 'a production server: there is no dev server, so no HMR websocket',
    ssr: 'serves built files only: there is no server code rendering a page that could fetch',
    http2:
      "Caddy serves HTTP/2 over TLS, but streams a request whose DATA falls short of its content-length upstream and answers 502 (the engine resets the stream), and logs a client's RST_STREAM on an event stream as an error",
    inspector: 'the inspector is a dev-server tool: a Caddyfile has no sameorigin code to record exchanges',
    mocks: 'mocks are a development aid: the exported Caddyfile always forwards to the backend',
    configReload:
      'the Caddyfile is generated once: after an edit of the config, run `sameorigin export caddy` again and reload Caddy',
    dynamicHeaders:
      'a Caddyfile runs no JavaScript: a `headers` function is not called (the export lists it as lost)',
    errorBodies:
      "Caddy answers an unreachable upstream with 502 and the engine's JSON error (route and target named), but navigations get no HTML page and Caddy's own log says it in its words, not ERR_UPSTREAM_UNREACHABLE",
    routeTimeouts:
      "the route's `timeout` is Caddy's `response_header_timeout` (504 with the engine's JSON error), but Caddy's log does not name ERR_UPSTREAM_TIMEOUT, and silence between body chunks is not bounded",
    wsErrors:
      "a websocket handshake to a down upstream gets Caddy's 502, but Caddy's log does not name ERR_UPSTREAM_UNREACHABLE",
    forwardedHeaders:
      "Caddy always writes X-Forwarded-For, -Proto and -Host: with `xfwd: false` the client's values are copied back, but one the client did not send arrives empty rather than absent",
    clientAbort:
      'Caddy aborts the upstream request when the client closes an event stream, but logs it as an error ("aborting with incomplete response"), where the engine logs nothing',
    rewriteQuery:
      "Caddy 2.6 can append a rewrite's query but not replace a parameter: when the request carries a name the rewrite sets, both values go upstream (the request's first)",
    bodyRefusals:
      "a GET or HEAD with a Content-Length body is refused with 400 before any backend; a chunked one (Go's server hides its Transfer-Encoding from Caddy's matchers) is refused with 400 once Caddy starts reading it, when the backend has already been sent an unfinished request head, on a connection then closed",
    dualStackLocalhost:
      'Caddy dials `localhost` as the system resolves it (`/etc/hosts`): a backend on the other loopback address is refused; use `127.0.0.1` or `[::1]` in the target',
    wsDualStackLocalhost:
      'Caddy dials `localhost` as the system resolves it (`/etc/hosts`), websockets included: a backend on the other loopback address is refused',
  },
  async start(fixtureDir, config, options) {
    if (options.http2) throw new Error('caddy host: declared without http2')
    const target = EXPORT_TARGETS.caddy
    if (target === undefined)
      throw new Error('caddy host: @sameorigin/cli has no caddy target (build packages/cli)')
    const running = await startCaddy((port) => {
      const origin = new URL(`http://127.0.0.1:${port}`)
      return target.render({
        config: resolveConfig(config),
        origin,
        staticDir: fixtureDir,
        listen: port,
        mode: 'production',
        command: `sameorigin export caddy --origin ${origin.origin} --static ${fixtureDir} --listen ${port}`,
      }).files
    })
    return {
      url: running.url,
      port: running.port,
      root: fixtureDir,
      logs: caddyLogs(running.printed),
      close: running.close,
    }
  },
})
