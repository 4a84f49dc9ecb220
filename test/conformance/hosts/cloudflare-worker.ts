import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { loadHostConfig } from '@sameorigin/core'
import { EXPORT_TARGETS } from '@sameorigin/cli'
// The export's own harness (bundled as `wrangler deploy` bundles, run as `wrangler dev` runs it),
// shared with the cli's tests rather than copied.
import { startWorker } from '../../../packages/cli/test/export/_worker.ts'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'

const WEBSOCKETS =
  '`sameorigin export cloudflare` runs the Fetch transport, which takes a Request and returns a Response: it does not proxy websocket upgrades'
const HTTP2 =
  'miniflare serves HTTP/1.1 here; on Cloudflare the edge terminates HTTP/2 and HTTP/3 and hands the Worker the same Request'
const FUNCTIONS =
  'the export writes the routes into worker.mjs as data: a function of the config file is code, so it is left out (and declared when exporting)'

/**
 * The Worker `sameorigin export cloudflare` writes (`EXPORT_TARGETS.cloudflare` from
 * `@sameorigin/cli`'s dist: build it first), bundled with esbuild as wrangler bundles it and run by
 * workerd through miniflare on 127.0.0.1, with the fixture's files as its Workers Static Assets
 * (the SPA fallback, the Worker first on the route paths). The config is the scenario's, resolved
 * as the command resolves it; the public origin is 127.0.0.1 (an IP address: the Host check lets
 * it and `localhost` through, and refuses other names).
 */
export const cloudflareWorker: Host = defineHost({
  name: 'cloudflare-worker',
  capabilities: {
    ssr: NO_SERVER_RENDERING,
    hmr: 'a deployed Worker has no HMR websocket to coexist with',
    ws: WEBSOCKETS,
    wsOriginRewrite: WEBSOCKETS,
    wsErrors: WEBSOCKETS,
    wsDualStackLocalhost: WEBSOCKETS,
    dynamicHeaders: FUNCTIONS,
    mocks: 'mocks are read from files by the Node transport, and a Worker has no file system',
    configReload:
      'the Worker is built from the config: a change is a new `sameorigin export cloudflare` and `wrangler deploy`',
    inspector: 'the inspector belongs to dev servers: the exported Worker runs without it',
    http2: HTTP2,
    undeclaredBodyRefusals: HTTP2,
    connectRefusal:
      'workerd answers CONNECT itself (500, no body, the connection closed) before the Worker runs: no tunnel, no backend reached',
    absoluteForm:
      'workerd answers an absolute-form request line (`GET http://host/path`) with 500 before the Worker runs: no backend reached',
    keepHost:
      "a Worker's fetch always sends the target URL's host (`changeOrigin: false` is declared lost by the export)",
    dualStackLocalhost:
      "a Worker's fetch reaches `localhost` on 127.0.0.1 only (and on Cloudflare a loopback target reaches nothing)",
    errorBodies:
      'workerd\'s fetch reports a refused connection as "Network connection lost", which the engine cannot tell from a connection lost mid-request: the 502 names `ERR_UPSTREAM_FAILED`, not `ERR_UPSTREAM_UNREACHABLE`',
    exactContentLength:
      "workerd sends the engine's streamed answer chunked: the upstream's Content-Length is not kept",
    clientAbort:
      "under miniflare, a client closing the connection does not cancel the Worker's request, so the upstream request runs on",
    chunkedBodyClose:
      "a Worker's fetch frames a body of unknown length as chunked on a kept-alive connection and cannot be told to close it: a backend that does not decode chunked bodies could read a second request from it",
  },
  async start(fixtureDir, config) {
    const logs = captureLogs()
    const resolved = await loadHostConfig({ configFile: false, ...config }, { root: fixtureDir })
    const out = await mkdtemp(join(tmpdir(), 'sameorigin-cloudflare-worker-'))
    try {
      const target = EXPORT_TARGETS.cloudflare
      if (target === undefined) throw new Error('@sameorigin/cli has no cloudflare export target: build it')
      const output = target.render({
        config: resolved,
        origin: new URL('http://127.0.0.1'),
        staticDir: relative(out, fixtureDir),
        listen: undefined,
        mode: 'production',
        command: 'sameorigin export cloudflare --origin http://127.0.0.1 --static .',
      })
      for (const file of output.files) await writeFile(join(out, file.path), file.content)
      const worker = await startWorker(out, (level, message) =>
        (level === 'error' ? logs.error : level === 'warn' ? logs.warn : logs.info)(message),
      )
      const url = new URL(worker.url)
      return {
        url: worker.url,
        port: Number(url.port),
        root: fixtureDir,
        logs,
        close: async () => {
          await worker.close()
          await rm(out, { recursive: true, force: true })
        },
      }
    } catch (error) {
      await rm(out, { recursive: true, force: true })
      throw error
    }
  },
})
