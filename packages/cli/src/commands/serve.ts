import { once } from 'node:events'
import { isIP } from 'node:net'
import type { SameOriginOptions } from '@sameorigin/core'
import {
  createError,
  createProxyServer,
  listen,
  loadHostConfig,
  printStartup,
  watchConfig,
} from '@sameorigin/core'
import { EXIT } from '../exit-codes.ts'
import type { CommandDefinition } from '../internal/command.ts'
import { CONFIG_OPTIONS, toLoadConfigOptions } from '../internal/config-options.ts'
import { createCliLogger, printLine } from '../internal/output.ts'
import { parseServeFlags } from '../internal/parse-serve-flags.ts'
import type { ServeAddress } from '../internal/serve-address.ts'
import { DEFAULT_SERVE_PORT, toServeAddress } from '../internal/serve-address.ts'

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))
}

/** Why the login cookie cannot work for pages on another site than the proxy, and what to do. */
function cookieWarning(address: ServeAddress): string {
  const pages = address.otherSites.join(', ')
  const { hostname } = new URL(address.url)
  return (
    `cookies: ${pages} ${address.otherSites.length === 1 ? 'is' : 'are'} on another site than ${address.url}: ` +
    'a cookie the backend sets through the proxy would be a third-party cookie there, which Chromium, Safari and Firefox block, so the login would not stick. ' +
    `Open the page on ${hostname} (same scheme, http), or run one proxy per page host (--host, --port).`
  )
}

/**
 * `sameorigin serve`: the stand-alone development proxy (the core engine on a plain Node server),
 * same-origin for pages it serves a fallback for, or a CORS-adding proxy with `--allow-origin`.
 * Runs until interrupted (Ctrl-C closes the file watcher and every connection, then exits 0). Edits of
 * the config file, or of an env file the config reads, apply to the next request (`watchConfig`).
 */
export const serveCommand: CommandDefinition = {
  usage: 'serve',
  description: 'Run a stand-alone development proxy (same-origin, or CORS-adding with --allow-origin)',
  options: [
    ...CONFIG_OPTIONS,
    {
      flags: '-p, --port <port>',
      description: 'Port to listen on (0: any free port)',
      default: DEFAULT_SERVE_PORT,
    },
    {
      flags: '--host <host>',
      description:
        'Interface to listen on; anything but loopback exposes your backend session to the network',
      default: '127.0.0.1',
    },
    {
      flags: '-t, --target <url>',
      description: "Proxy every path to this backend (a catch-all '/' route after the config file's routes)",
    },
    {
      flags: '--allow-origin <origin>',
      description:
        "CORS mode: a page origin that may call the proxy (repeatable; '*' for any, never with --credentials)",
      repeatable: true,
    },
    {
      flags: '--credentials',
      description: 'CORS mode: let the allowed pages send cookies (fetch credentials: include)',
    },
    {
      flags: '--allowed-host <host>',
      description:
        'A host name the proxy answers for besides localhost and IPs (repeatable; DNS rebinding protection)',
      repeatable: true,
    },
  ],
  examples: [
    'sameorigin serve --target http://127.0.0.1:8080',
    'sameorigin serve --target https://staging.example.com --allow-origin http://localhost:6006 --credentials',
    'sameorigin serve --config sameorigin.config.ts --port 5180',
  ],
  run: async (_args, options, ctx) => {
    const { port, host, target, origins, credentials, cors, allowedHosts } = parseServeFlags(options)
    const { root, mode, configFile } = toLoadConfigOptions(ctx, options)
    const where = { root, mode, command: 'serve' as const }
    const sameOrigin: SameOriginOptions = {
      ...(target === undefined ? {} : { routes: { '/': target } }),
      // --target alone proxies everything to it; a config file is read only when named with --config.
      configFile: target !== undefined && options.config === undefined ? false : configFile,
    }
    const resolved = await loadHostConfig(sameOrigin, where)
    if (resolved.routes.length === 0)
      throw createError('ERR_CONFIG_NOT_FOUND', {
        message: 'Nothing to proxy: no sameorigin.config.* with routes was found and no --target was given.',
        hint: 'sameorigin serve --target http://127.0.0.1:8080, or create sameorigin.config.ts',
      })
    const logger = createCliLogger(ctx)
    const server = createProxyServer(resolved, {
      logger,
      allowedHosts,
      inspector: true,
      ...(cors === undefined ? {} : { cors }),
    })
    const listening = await listen(server, { port, host }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error
      throw createError('ERR_CLI_ARGUMENT_INVALID', {
        message: `Cannot listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}.`,
        hint: `Pick another port: sameorigin serve --port ${port === 0 ? DEFAULT_SERVE_PORT : port + 1} (0 picks a free one).`,
        cause: error,
      })
    })
    const { bold, cyan, yellow } = ctx.colors
    const address = toServeAddress(host, listening.port, cors === undefined ? [] : origins)
    printLine(ctx, `${bold('sameorigin serve')}  ${cyan(address.url)}`)
    if (!isLoopback(host))
      printLine(
        ctx,
        yellow(`listening on ${host}: anyone who can reach this machine can use your backend session.`),
      )
    if (cors !== undefined) {
      const who = cors.origins === '*' ? 'any origin' : origins.join(', ')
      printLine(
        ctx,
        `CORS mode: pages at ${who} may call it${credentials ? ', with credentials' : ''}; other origins get 403.`,
      )
    }
    if (credentials && address.otherSites.length > 0) printLine(ctx, yellow(cookieWarning(address)))
    printStartup(logger, { resolved, overlaps: [], proxyOption: '', proxyName: '', serverUrl: address.url })
    // Live reload: an edit of the config file or of an env file it reads applies to the next request.
    // With --target alone no file is read (the flag takes no ${VAR}): there is nothing to watch.
    const watcher =
      sameOrigin.configFile === false
        ? undefined
        : watchConfig(sameOrigin, { ...where, current: resolved, logger, apply: server.update })
    await watcher?.ready
    printLine(ctx, 'press Ctrl-C to stop')
    if (!ctx.signal.aborted) await once(ctx.signal, 'abort')
    await watcher?.close()
    await listening.close()
    return EXIT.OK
  },
}
