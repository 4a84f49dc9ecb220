import type { UserConfig } from '@sameorigin/core'
import type { TestContext } from 'vitest'
import { afterAll, beforeAll, beforeEach, describe, it as vitestIt } from 'vitest'
import { HOSTS } from '../hosts/index.ts'
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

function createIt(host: Host, scenario: string, blockSkipReason: string | undefined): HostIt {
  const title = (name: string): string => `${name} [${host.name}]`
  const meta = (skipReason: string | undefined): ConformanceMeta => ({
    host: host.name,
    column: HOSTS.indexOf(host),
    scenario,
    capabilities: host.capabilities,
    ...(skipReason === undefined ? {} : { skipReason }),
  })
  const define =
    (run: boolean, reason: string | undefined): DefineTest =>
    (name, fn, options = {}) => {
      const skipReason = blockSkipReason ?? (run ? undefined : (reason ?? 'skipped on this host'))
      // oxlint-disable-next-line vitest/expect-expect, vitest/valid-title -- this defines the caller's test: the assertions and title are theirs
      vitestIt.runIf(run)(title(name), { ...options, meta: { conformance: meta(skipReason) } }, fn)
    }
  return Object.assign(define(true, undefined), {
    runIf: (condition: boolean, reason?: string) => define(condition, reason),
    skipIf: (condition: boolean, reason?: string) => define(!condition, reason),
  })
}

function createServe(host: Host): HostSuiteContext['serve'] {
  return (config, options = {}) => {
    const running = late<StartedHost>(host.name)
    let started: StartedHost | undefined
    beforeAll(async () => {
      started = await host.start(
        options.fixture ?? APP_FIXTURE,
        typeof config === 'function' ? config() : config,
      )
      running.set(started)
    })
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
    const missing = (options.requires ?? []).filter((capability) => !host.supports(capability))
    const reason =
      missing.length === 0
        ? undefined
        : missing.map((capability) => `${capability}: ${String(host.capabilities[capability])}`).join('; ')
    describe.skipIf(reason !== undefined)(`${title} [${host.name}]`, () => {
      fn({ host, it: createIt(host, title, reason), serve: createServe(host) })
    })
  }
}
