import type { UserConfig } from '@sameorigin/core'
import type { TestContext } from 'vitest'
import { afterAll, beforeAll, beforeEach, describe, it as vitestIt } from 'vitest'
import { COLUMNS, HOSTS } from '../hosts/index.ts'
import { APP_FIXTURE } from './fixtures.ts'
import { late } from './late.ts'
import { selectHostNames } from './select-hosts.ts'
import type { Capabilities, Capability, Host, StartedHost } from './types.ts'

/** What every conformance test carries for `results-reporter.ts`. */
export interface ConformanceMeta {
  readonly host: string
  /** The host's position in `hosts/index.ts`: its column in the capability table. */
  readonly column: number
  /** The `describeHosts` title: one row of the capability table. */
  readonly scenario: string
  readonly capabilities: Capabilities
  /** Why this test did not run on this host (a missing capability), when it did not. */
  readonly skipReason?: string
  /** The declared capability gaps that skipped it (their reasons are in `capabilities`), when those did. */
  readonly gaps?: readonly Capability[]
}

/** Why a test does not run on a host: a free reason (`runIf`), or declared capability gaps. */
interface Skip {
  readonly reason: string
  readonly gaps?: readonly Capability[]
}

/** The skip for a test needing `capabilities` on `host`, or `undefined` when the host has them all. */
function gapSkip(host: Host, capabilities: readonly Capability[]): Skip | undefined {
  const reason = host.gapReason(capabilities)
  if (reason === undefined) return undefined
  return { reason, gaps: [...new Set(capabilities)].filter((capability) => !host.supports(capability)) }
}

declare module 'vitest' {
  interface TaskMeta {
    conformance?: ConformanceMeta
  }
}

type TestFn = (context: TestContext) => unknown
type TestOptions = { timeout?: number }
type DefineTest = (name: string, fn: TestFn, options?: TestOptions) => void

/** `it` inside `describeHosts`: titles get the host name, results carry the host and scenario. */
export interface HostIt extends DefineTest {
  /** Runs the test only when `condition` holds (e.g. `host.supports('ws')`); `reason` goes to the table. */
  readonly runIf: (condition: boolean, reason?: string) => DefineTest
  readonly skipIf: (condition: boolean, reason?: string) => DefineTest
  /**
   * Runs the test only on hosts that support every one of `capabilities`; elsewhere it is skipped with
   * the host's declared reasons, which the table shows as "—" and footnotes.
   */
  readonly requires: (...capabilities: Capability[]) => DefineTest
}

/** Options for {@link describeHosts}. */
export interface DescribeHostsOptions {
  /**
   * Capabilities the scenario needs. On a host without one, every test is skipped and the table shows
   * "—" with the host's declared reason.
   * @default []
   */
  readonly requires?: readonly Capability[]
}

/** Options for `serve`. */
export interface ServeOptions {
  /** The directory the host serves. @default fixtures/app */
  readonly fixture?: string
  /**
   * Serve over TLS with HTTP/2 (`https://` URL, certificate signed by `TEST_CA`); the block must
   * `requires: ['http2']`. @default false
   */
  readonly http2?: boolean
}

/** What a `describeHosts` block receives, once per host. */
export interface HostSuiteContext {
  readonly host: Host
  readonly it: HostIt
  /**
   * Starts the host once for this block (`beforeAll`) with sameorigin configured by `config` (a
   * function when it needs values known only then, like an upstream's URL), stops it in `afterAll`,
   * and clears its captured logs before each test.
   */
  readonly serve: (config: UserConfig | (() => UserConfig), options?: ServeOptions) => StartedHost
}

/** The hosts this run covers: all of `hosts/index.ts`, or those `CONFORMANCE_HOSTS` names. */
export function selectedHosts(): readonly Host[] {
  const names = selectHostNames(HOSTS.map((host) => host.name))
  return HOSTS.filter((host) => names.has(host.name))
}

/** The skip for `it.runIf(condition, reason)`, or `undefined` when it runs. */
function unless(condition: boolean, reason: string | undefined): Skip | undefined {
  return condition ? undefined : { reason: reason ?? 'skipped on this host' }
}

function createIt(host: Host, scenario: string, blockSkip: Skip | undefined): HostIt {
  const title = (name: string): string => `${name} [${host.name}]`
  const meta = (skip: Skip | undefined): ConformanceMeta => ({
    host: host.name,
    column: COLUMNS.indexOf(host.name),
    scenario,
    capabilities: host.capabilities,
    ...(skip === undefined ? {} : { skipReason: skip.reason }),
    ...(skip?.gaps === undefined ? {} : { gaps: skip.gaps }),
  })
  const define =
    (skip: Skip | undefined): DefineTest =>
    (name, fn, options = {}) => {
      const why = blockSkip ?? skip
      // oxlint-disable-next-line vitest/expect-expect, vitest/valid-title -- this defines the caller's test: the assertions and title are theirs
      vitestIt.runIf(why === undefined)(title(name), { ...options, meta: { conformance: meta(why) } }, fn)
    }
  return Object.assign(define(undefined), {
    runIf: (condition: boolean, reason?: string) => define(unless(condition, reason)),
    skipIf: (condition: boolean, reason?: string) => define(unless(!condition, reason)),
    requires: (...capabilities: Capability[]) => define(gapSkip(host, capabilities)),
  })
}

// A Next host serves one block at a time for the whole run, so a block may wait for another file's.
const START_TIMEOUT = 180_000

function createServe(host: Host, requires: readonly Capability[]): HostSuiteContext['serve'] {
  return (config, options = {}) => {
    const http2 = options.http2 ?? false
    // So a block on a host without HTTP/2 is skipped with its reason, instead of failing to start.
    if (http2 && !requires.includes('http2'))
      throw new Error(
        "serve(config, { http2: true }): declare the block with describeHosts(title, { requires: ['http2'] }, …)",
      )
    const running = late<StartedHost>(host.name)
    let started: StartedHost | undefined
    beforeAll(async () => {
      started = await host.start(
        options.fixture ?? APP_FIXTURE,
        typeof config === 'function' ? config() : config,
        { websockets: requires.includes('ws'), http2 },
      )
      running.set(started)
    }, START_TIMEOUT)
    beforeEach(() => started?.logs.clear())
    afterAll(async () => {
      await started?.close()
      running.set(undefined)
    })
    return running.value
  }
}

/**
 * Runs `fn` once per selected host, as `describe('<title> [<host>]')` (h3's `describeMatrix`). Start
 * what the block needs with `serve(config)` and `useUpstream()`: once per block, not per test.
 * @example
 * describeHosts('path rewrite', ({ it, serve }) => {
 *   const upstream = useUpstream()
 *   const app = serve(() => ({ routes: { '/api': `${upstream.url}/v1` } }))
 *   it('joins the target base path', async () => { ... })
 * })
 */
export function describeHosts(title: string, fn: (context: HostSuiteContext) => void): void
export function describeHosts(
  title: string,
  options: DescribeHostsOptions,
  fn: (context: HostSuiteContext) => void,
): void
export function describeHosts(
  title: string,
  optionsOrFn: DescribeHostsOptions | ((context: HostSuiteContext) => void),
  maybeFn?: (context: HostSuiteContext) => void,
): void {
  const options = typeof optionsOrFn === 'function' ? {} : optionsOrFn
  const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn
  if (fn === undefined) throw new TypeError('describeHosts(title, [options], fn): fn is missing')
  for (const host of selectedHosts()) {
    const requires = options.requires ?? []
    const skip = gapSkip(host, requires)
    describe.skipIf(skip !== undefined)(`${title} [${host.name}]`, () => {
      fn({ host, it: createIt(host, title, skip), serve: createServe(host, requires) })
    })
  }
}
