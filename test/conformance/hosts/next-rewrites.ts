import { statSync } from 'node:fs'
import process from 'node:process'
import type { UserConfig } from '@sameorigin/core'
import { inject } from 'vitest'
import type { CapturedLogs, Host, LogLine, StartedHost, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import type { NextGranted, NextMode, OutputFiles } from './next-dev.ts'
import { readLines } from './next-dev.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The coordinator of the run's `next dev` processes (`hosts/next-dev.ts`), when a Next host is selected. */
    nextCoordinator: string | null
  }
}

/**
 * A config as the source of `sameorigin.config.mjs`: JSON, plus RegExp literals and functions as
 * their source text (a case's function must then use nothing from its scope).
 */
function toSource(value: unknown): string {
  if (value instanceof RegExp) return value.toString()
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item)}`)
      .join(', ')} }`
  }
  if (typeof value === 'function') return `(${String(value)})`
  return JSON.stringify(value)
}

/** What `next dev` printed since the last `clear()`: read from the files it writes to. */
function fileLogs(files: OutputFiles): CapturedLogs {
  const levels = ['warn', 'info'] as const
  const offsets = { info: 0, warn: 0 }
  const clear = (): void => {
    for (const level of levels) offsets[level] = statSync(files[level]).size
  }
  clear()
  const read = (): LogLine[] => levels.flatMap((level) => readLines(files[level], level, offsets[level]))
  return {
    get lines() {
      return read()
    },
    text: () =>
      read()
        .map((line) => line.message)
        .join('\n'),
    clear,
  }
}

/**
 * The run's `next dev` for `mode` (started once, in `src/global-setup.ts`), switched to `config` for
 * this block: resolves once no other block uses it and the config is served; `close` hands it back.
 * Adapter lines (stderr) are warnings, the rest info.
 */
export async function startNext(
  mode: NextMode,
  config: UserConfig,
  options: StartOptions,
): Promise<StartedHost> {
  // Declared as a gap (NEXT_GAPS): a block that asks for HTTP/2 is skipped before it gets here.
  if (options.http2) throw new Error('next hosts: `next dev` cannot serve HTTP/2')
  const coordinator = inject('nextCoordinator')
  if (coordinator === null) throw new Error('next hosts: src/global-setup.ts started no next dev')
  const res = await fetch(`${coordinator}/acquire`, {
    method: 'POST',
    body: JSON.stringify({ mode, config: toSource(config), websockets: options.websockets }),
  })
  if (!res.ok) throw new Error(`next hosts: ${await res.text()}`)
  const granted = (await res.json()) as NextGranted & { id: string }
  return {
    url: granted.url,
    port: Number(new URL(granted.url).port),
    root: granted.root,
    logs: fileLogs(granted.output),
    close: async () => {
      await (await fetch(`${coordinator}/release/${granted.id}`, { method: 'POST' })).arrayBuffer()
    },
  }
}

/**
 * Whether the Next hosts run: by default yes; `CONFORMANCE_SKIP_NEXT=1` leaves them out (unless
 * `CONFORMANCE_HOSTS` names one).
 */
export function nextHostsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (
    env.CONFORMANCE_SKIP_NEXT !== '1' ||
    (env.CONFORMANCE_HOSTS ?? '').split(',').some((name) => name.trim().startsWith('next-'))
  )
}

/** What neither Next host can do, because Next itself decides it before any route or handler runs. */
export const NEXT_GAPS = {
  hmr: "the HMR scenario edits the fixture's index.html, which a Next app does not have",
  absoluteForm:
    'Next answers an absolute-form request line (`GET http://…`) with its own 308 before any rewrite or route runs',
  wsOriginRewrite:
    "websocket handshakes go through Next's rewrite proxy (a route handler cannot take over a socket), which keeps the dev server's Origin",
  wsErrors:
    "websocket handshakes go through Next's rewrite proxy, which answers no 502 when the upstream is down and leaves a refused path's handshake unanswered",
  connectRefusal:
    "Node hands CONNECT to the server's `connect` event, which neither a rewrite nor a route handler can reach, and `next dev` (`start-server`) has no listener: Node drops the socket (no tunnel, no backend reached)",
  http2:
    '`next dev --experimental-https` serves HTTPS over HTTP/1.1 only (a Node `https` server): Next has no HTTP/2 dev server',
  wsDualStackLocalhost:
    "websocket handshakes go through Next's rewrite proxy, which resolves `localhost` as the system does (`/etc/hosts`): a backend on the other loopback address is refused",
} as const

/**
 * `next dev` with `withSameOrigin(config)`: every route a native Next rewrite. One `next dev` for the
 * whole run (`hosts/next-dev.ts`): Next reads rewrites when its server starts, so each block's config
 * restarts Next's server (not `next dev`) on the same port.
 *
 * Gaps, each Next's rewrite proxy's (`next/dist/server/lib/router-utils/proxy-request.js`: http-proxy
 * with `changeOrigin` only), each printed by `withSameOrigin` at startup and declared below, so the
 * tests needing them are skipped here with the reason:
 * - cookies: Set-Cookie passes untouched (Domain, Secure, SameSite=None, Path kept)
 * - redirects: Location / Refresh pass untouched
 * - Origin / Referer are not rewritten (requests and websocket handshakes)
 * - X-Forwarded-*: Next sets its own and keeps what the client sent; `xfwd: false` cannot remove them
 * - request header overrides (`headers`) are lost, so the matching scenarios, which read `x-route`, cannot tell
 *   routes apart (the matching itself is proved against Next's matcher in packages/next)
 * - method conditions and RegExp paths have no rewrite: those routes are not forwarded (printed)
 * - unsafe paths (encoded dot segments, NUL, backslash) are forwarded instead of refused with 400;
 *   an absolute-form request line gets Next's 308
 * - upstream down: Next answers 500 with its own page, not 502 ERR_UPSTREAM_UNREACHABLE
 * - timeout: Next's proxy timeout (30 s, `experimental.proxyTimeout`), not the route's
 * - uploads: Next buffers a proxied request body and stops at 10 MiB (`proxyClientMaxBodySize`)
 * - DNS rebinding: Next does not check `Host` before a rewrite
 * - websockets: no Origin rewrite, no 502 when the upstream is down, and refused paths leave the
 *   handshake unanswered
 */
export const nextRewrites: Host = defineHost({
  name: 'next-rewrites',
  capabilities: {
    ...NEXT_GAPS,
    cookieRewrite:
      "Next's rewrite proxy passes Set-Cookie untouched (Domain, Secure, SameSite=None and Path kept)",
    redirectRewrite: "Next's rewrite proxy passes Location and Refresh untouched",
    originRewrite: "Next's rewrite proxy does not rewrite Origin or Referer",
    forwardedHeaders:
      "Next's rewrite proxy sets its own X-Forwarded-* and keeps what the client sent; `xfwd: false` cannot remove them",
    headerOverrides: "a Next rewrite cannot set request headers: a route's `headers` are lost",
    dynamicHeaders:
      "a Next rewrite cannot set request headers: a route's `headers` function is never called (printed as lost at startup)",
    bodyRefusals:
      "Next's rewrite proxy forwards a GET or HEAD body (framed: the backend reads it as one body, not as a request)",
    traceRefusal: "Next's rewrite proxy forwards TRACE",
    mocks:
      "a Next rewrite is Next's own proxy: it cannot answer from a mock folder nor record (route-handler mode can)",
    inspector:
      "a Next rewrite is Next's own proxy: nothing of sameorigin sees the exchange (route-handler mode serves the inspector)",
    configReload:
      'Next computes rewrites once, when `next dev` starts: an edit of the config needs a restart (the adapter says so at startup and again when the file changes)',
    methodConditions: 'a Next rewrite cannot match a method: routes with `methods` are not forwarded',
    regexpRoutes: 'a RegExp route has no Next rewrite: it is not forwarded',
    pathSafety:
      'Next rewrites forward unsafe paths (encoded dot segments, NUL, backslash) instead of refusing them with 400',
    errorBodies:
      'Next answers an unreachable upstream with its own 500 page, not 502 ERR_UPSTREAM_UNREACHABLE',
    routeTimeouts: "Next's proxy timeout applies (30 s, `experimental.proxyTimeout`), not the route's",
    largeUploads: 'Next buffers a proxied request body and stops at 10 MiB (`proxyClientMaxBodySize`)',
    hostCheck: 'Next does not check `Host` before a rewrite',
    dualStackLocalhost:
      "Next's rewrite proxy resolves `localhost` as the system does (`/etc/hosts`), so a backend on the other loopback address is refused: use `127.0.0.1` or `[::1]` in the target",
  },
  start: (_fixtureDir, config, options) => startNext('rewrites', config, options),
})
