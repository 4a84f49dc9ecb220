import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { followReportClient } from '../../src/host/follow-report-client.ts'

const on = resolveConfig({})
const off = resolveConfig({ inspector: false })

/** Runs `edits` through a wrapped apply; the lines it logged, after the microtasks ran. */
async function linesFor(bundled: boolean, edits: readonly (typeof on)[]): Promise<string[]> {
  const lines: string[] = []
  const applied: unknown[] = []
  const logger = { info: (line: unknown) => void lines.push(String(line)), warn: () => {}, error: () => {} }
  const current = bundled ? on : off
  const apply = followReportClient({ bundled, current, logger, restart: 'rsbuild dev' }, (next) =>
    applied.push(next),
  )
  for (const edit of edits) apply(edit)
  await Promise.resolve()
  expect(applied).toEqual(edits)
  return lines
}

describe('followReportClient', () => {
  it('says a restart is needed when the inspector is turned on and the page has no client', async () => {
    expect(await linesFor(false, [on])).toEqual([
      '[sameorigin] the page has no report client (it is bundled when rsbuild dev starts): restart rsbuild dev to have blocked calls reported',
    ])
  })

  it('says the page keeps posting when the inspector is turned off under a bundled client', async () => {
    expect(await linesFor(true, [off])).toEqual([
      '[sameorigin] the page keeps its report client until rsbuild dev restarts; its reports get 404 until then',
    ])
  })

  it('says nothing when nothing flips, or when the page matches the config again', async () => {
    expect(await linesFor(true, [on, on])).toEqual([])
    expect(await linesFor(true, [off, on])).toHaveLength(1)
  })
})
