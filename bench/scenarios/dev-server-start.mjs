// Scenario 7: dev-server start (Vite, webpack-dev-server 5 and 6, Rsbuild) with and without the
// sameorigin plugin, each sample a fresh process (startup-process.mjs), the two kinds alternating (after one discarded pair that warms the disk cache). The plugin's cost is the
// difference of the medians.

import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../startup-process.mjs', import.meta.url))

/**
 * @param {'vite' | 'wds5' | 'wds6' | 'rsbuild'} host
 * @param {{ workdir: string, upstream: string }} options
 * @param {{ runs: number }} settings
 */
export function measureDevServerStart(host, { workdir, upstream }, settings) {
  mkdirSync(workdir, { recursive: true })
  const sample = (withPlugin) => {
    const args = [ENTRY, host, workdir, upstream, ...(withPlugin ? ['--with-plugin'] : [])]
    const output = execFileSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 })
    return JSON.parse(output.trim().split('\n').at(-1)).ms
  }
  sample(false)
  sample(true)
  const without = []
  const withPlugin = []
  for (let i = 0; i < settings.runs; i++) {
    without.push(sample(false))
    withPlugin.push(sample(true))
  }
  const withoutMs = median(without)
  const withMs = median(withPlugin)
  return { runs: settings.runs, withoutMs, withMs, addedMs: withMs - withoutMs, without, withPlugin }
}

/** @param {number[]} values */
function median(values) {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
