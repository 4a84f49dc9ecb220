import { defineConfig } from 'vitest/config'
import { SummaryReporter } from './scripts/summary-reporter.ts'
import { ConformanceResultsReporter } from './test/conformance/src/results-reporter.ts'

// One run covers every package's unit tests, the examples, the conformance suite and the browser
// tests. Each project has its own vitest.config.ts; test/README.md says where a new test goes.
// Reporters only work here, at the root: the conformance one writes test/conformance/.results, from
// which scripts/gen-capability-table.mjs checks the README's compatibility table.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'test/*/vitest.config.ts',
      'bench/vitest.config.ts',
    ],
    reporters: ['default', new ConformanceResultsReporter(), new SummaryReporter()],
  },
})
