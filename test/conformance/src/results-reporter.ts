import { mkdirSync, writeFileSync } from 'node:fs'
import type { Reporter, TestCase, TestModule, TestRunEndReason } from 'vitest/node'
import type { Capabilities, Capability } from './types.ts'

/** One test's outcome on one host. */
export interface TestResult {
  readonly name: string
  readonly state: 'passed' | 'failed' | 'skipped'
  readonly skipReason?: string
  /** The host's declared capability gaps that skipped it; each one's reason is in `capabilities`. */
  readonly gaps?: readonly Capability[]
}

/** `.results/<host>.json`: what `scripts/gen-capability-table.mjs` turns into the README table. */
export interface HostResults {
  readonly host: string
  readonly column: number
  readonly capabilities: Capabilities
  readonly scenarios: { readonly scenario: string; readonly file: string; readonly tests: TestResult[] }[]
}

const RESULTS_DIR = new URL('../.results/', import.meta.url)
const HOST_SUFFIX = / \[[a-z0-9-]+\]$/

/**
 * Writes `test/conformance/.results/<host>.json` for every host the run covered, from the `meta` that
 * `describeHosts` puts on each test. Runs in `pnpm test` of this package; add it to the root
 * `vitest.config.ts` reporters to get results from a root run. Interrupted runs write nothing.
 */
export class ConformanceResultsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    if (reason === 'interrupted') return
    const hosts = new Map<string, HostResults>()
    for (const testModule of testModules) {
      const file = testModule.relativeModuleId
      for (const test of testModule.children.allTests()) {
        const meta = test.meta().conformance
        if (meta === undefined) continue
        let host = hosts.get(meta.host)
        if (host === undefined) {
          host = { host: meta.host, column: meta.column, capabilities: meta.capabilities, scenarios: [] }
          hosts.set(meta.host, host)
        }
        let scenario = host.scenarios.find((entry) => entry.scenario === meta.scenario)
        if (scenario === undefined) {
          scenario = { scenario: meta.scenario, file, tests: [] }
          host.scenarios.push(scenario)
        }
        scenario.tests.push({
          name: test.name.replace(HOST_SUFFIX, ''),
          state: toState(test, meta.skipReason),
          ...(meta.skipReason === undefined ? {} : { skipReason: meta.skipReason }),
          ...(meta.gaps === undefined ? {} : { gaps: meta.gaps }),
        })
      }
    }
    if (hosts.size === 0) return
    mkdirSync(RESULTS_DIR, { recursive: true })
    for (const results of hosts.values()) {
      results.scenarios.sort((a, b) => a.file.localeCompare(b.file))
      writeFileSync(new URL(`${results.host}.json`, RESULTS_DIR), `${JSON.stringify(results, null, 2)}\n`)
    }
  }
}

/**
 * A test's outcome for the table. A test vitest skipped because its block's `beforeAll` failed (the
 * host did not start) counts as failed: only a declared capability gap is a skip.
 */
function toState(test: TestCase, skipReason: string | undefined): TestResult['state'] {
  const state = test.result().state
  if (state === 'passed' || state === 'failed') return state
  if (skipReason !== undefined) return 'skipped'
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent) {
    if (parent.state() === 'failed') return 'failed'
  }
  return test.module.state() === 'failed' ? 'failed' : 'skipped'
}

// `--reporter=./src/results-reporter.ts` loads a module's default export.
export default ConformanceResultsReporter
