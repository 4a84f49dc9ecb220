import type { AddressInfo } from 'node:net'
import { stripVTControlCharacters } from 'node:util'
import type { RsbuildConfig, RsbuildInstance, RsbuildPlugin } from '@rsbuild/core'
import * as rsbuild23 from '@rsbuild/core'
import * as rsbuild20 from 'rsbuild-2.0'
import { onTestFinished } from 'vitest'

/** The part of `@rsbuild/core` the tests use; the same in every 2.x. */
export interface RsbuildApi {
  readonly version: string
  readonly createRsbuild: typeof rsbuild23.createRsbuild
  readonly createLogger: typeof rsbuild23.createLogger
}

// The oldest and newest Rsbuild the peer range names. Their plugin types differ in details these
// tests never touch, so each module is used through the shape above.
export const RSBUILDS: readonly { readonly name: string; readonly rsbuild: RsbuildApi }[] = [
  { name: `rsbuild ${rsbuild23.version}`, rsbuild: rsbuild23 },
  { name: `rsbuild ${rsbuild20.version}`, rsbuild: rsbuild20 as unknown as RsbuildApi },
]
const LATEST: RsbuildApi = rsbuild23

/** One line Rsbuild's logger printed, without colours. */
export interface LogLine {
  readonly stream: 'log' | 'warn' | 'error'
  readonly message: string
}

/** Options of {@link startDev} and {@link startPreview}. */
export interface StartOptions {
  readonly root: string
  readonly plugins: readonly RsbuildPlugin[]
  /** Merged into `server`. */
  readonly server?: RsbuildConfig['server']
  /** Other top-level Rsbuild options (`mode`, `dev`, ...). */
  readonly config?: RsbuildConfig
  /** @default the newest Rsbuild */
  readonly rsbuild?: RsbuildApi
}

/** A listening Rsbuild server on 127.0.0.1 port 0, closed when the test finishes. */
export interface Started {
  readonly url: string
  readonly port: number
  readonly lines: LogLine[]
  /** Every line, in order, as one text. */
  readonly text: () => string
  readonly close: () => Promise<void>
}

/** An Rsbuild logger (its own `createLogger`) writing into `lines` instead of the terminal. */
export function captureLogger(rsbuild: RsbuildApi = LATEST): {
  logger: ReturnType<RsbuildApi['createLogger']>
  lines: LogLine[]
} {
  const lines: LogLine[] = []
  const push =
    (stream: LogLine['stream']) =>
    (...args: unknown[]): void =>
      void lines.push({ stream, message: stripVTControlCharacters(args.map(String).join(' ')) })
  const logger = rsbuild.createLogger({
    console: { log: push('log'), warn: push('warn'), error: push('error') },
  })
  return { logger, lines }
}

async function create(
  options: StartOptions,
  lines: LogLine[],
  logger: ReturnType<RsbuildApi['createLogger']>,
): Promise<{ rsbuild: RsbuildInstance; lines: LogLine[] }> {
  return (options.rsbuild ?? LATEST)
    .createRsbuild({
      cwd: options.root,
      config: {
        ...options.config,
        customLogger: logger,
        plugins: [...options.plugins],
        server: { host: '127.0.0.1', port: 0, strictPort: true, ...options.server },
        performance: { printFileSize: false, ...options.config?.performance },
      },
    })
    .then((rsbuild) => ({ rsbuild, lines }))
}

/** The port the server listens on: Rsbuild before 2.3 reports `port: 0` as 0 in its result and URLs. */
function portOf(server: { httpServer: { address: () => unknown } | null }): number {
  if (server.httpServer === null) throw new Error('the server has no http server (middleware mode?)')
  return (server.httpServer.address() as AddressInfo).port
}

function toStarted(port: number, lines: LogLine[], close: () => Promise<void>): Started {
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    lines,
    text: () => lines.map((line) => line.message).join('\n'),
    close,
  }
}

/** `rsbuild dev`: `createRsbuild(...).startDevServer()`. */
export async function startDev(options: StartOptions): Promise<Started> {
  const { logger, lines } = captureLogger(options.rsbuild)
  const { rsbuild } = await create(options, lines, logger)
  const { server } = await rsbuild.startDevServer({ getPortSilently: true })
  onTestFinished(() => server.close())
  return toStarted(portOf(server), lines, () => server.close())
}

/** `rsbuild preview`, serving the fixture's `dist/`. */
export async function startPreview(options: StartOptions): Promise<Started> {
  const { logger, lines } = captureLogger(options.rsbuild)
  const { rsbuild } = await create(options, lines, logger)
  const { server } = await rsbuild.preview({ getPortSilently: true })
  onTestFinished(() => server.close())
  return toStarted(portOf(server), lines, () => server.close())
}

/** Both servers, for tests that must hold in each. */
export const SERVERS: readonly {
  readonly name: 'dev' | 'preview'
  readonly start: (options: StartOptions) => Promise<Started>
  /** The `<title>` of the page the server answers a navigation with. */
  readonly title: string
}[] = [
  { name: 'dev', start: startDev, title: 'Rsbuild App' },
  { name: 'preview', start: startPreview, title: 'built' },
]
