// Native rewrites cannot reload: Next asks for them once, when `next dev` starts. withSameOrigin says
// so at startup and again when the sameorigin config changes, from a real file edited on disk.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isWatched } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { WithSameOriginOptions } from '../src/options.ts'
import type { NextConfigLike } from '../src/types.ts'
import { withSameOrigin } from '../src/with-same-origin.ts'

const DEV = 'phase-development-server'
const WAIT = { timeout: 10_000 }
const NOTICE = 'Next computes rewrites once, when next dev starts'

function appRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-next-rewrites-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  writeFileSync(
    join(root, 'sameorigin.config.json'),
    JSON.stringify({ routes: { '/api': 'http://127.0.0.1:4000' } }),
  )
  return root
}

function captureLogs() {
  const lines = { info: [] as string[], warn: [] as string[] }
  const logger = {
    info: (line: string) => void lines.info.push(line),
    warn: (line: string) => void lines.warn.push(line),
    error: () => {},
  }
  return { lines, logger }
}

/** What `next dev` (or another phase) does with the config: load it, then ask for the rewrites. */
async function askForRewrites(phase: string, options: WithSameOriginOptions): Promise<void> {
  const config: NextConfigLike = await withSameOrigin({}, options)(phase, {})
  await config.rewrites?.()
}

describe('withSameOrigin, native rewrites in next dev: edits need a restart', () => {
  it('says so once at startup, and again (warn) when the config file changes', async () => {
    const root = appRoot()
    const { lines, logger } = captureLogs()
    await askForRewrites(DEV, { root, logger })
    expect(lines.info.filter((line) => line.includes(NOTICE))).toEqual([
      `sameorigin: ${NOTICE}: restart it after editing sameorigin.config.json or its .env files (the route handler, mode: 'route', applies edits at once).`,
    ])
    // Next loading the config again in the same process (as it may) does not say it twice.
    await askForRewrites(DEV, { root, logger })
    expect(lines.info.filter((line) => line.includes(NOTICE))).toHaveLength(1)
    // The startup report (what rewrites lose) is at warn too: only the change lines are counted.
    const changes = (): string[] => lines.warn.filter((line) => line.includes(' changed: '))
    expect(changes()).toEqual([])

    writeFileSync(
      join(root, 'sameorigin.config.json'),
      JSON.stringify({ routes: { '/api': 'http://127.0.0.1:4001' } }),
    )
    await expect
      .poll(changes, WAIT)
      .toEqual([
        'sameorigin: sameorigin.config.json changed: restart next dev to apply it (Next computes rewrites once, at startup).',
      ])
    writeFileSync(join(root, '.env.local'), 'API_TARGET=http://127.0.0.1:4002\n')
    await expect.poll(() => changes().length, WAIT).toBe(2)
    expect(changes()[1]).toContain('sameorigin: .env.local changed: restart next dev')
  })

  it('says nothing and watches nothing in next build, next start, or with the route handler', async () => {
    const root = appRoot()
    const { lines, logger } = captureLogs()
    await askForRewrites('phase-production-build', { root, logger, production: true })
    await askForRewrites('phase-production-server', { root, logger, production: true })
    await askForRewrites(DEV, { root, logger, mode: 'route' })
    expect(lines.info.filter((line) => line.includes(NOTICE))).toEqual([])
    // Looked up in /proc on Linux (undefined elsewhere).
    expect(isWatched(root)).not.toBe(true)
  })
})
