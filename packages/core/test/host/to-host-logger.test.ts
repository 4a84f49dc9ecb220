import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logging/logger.ts'
import type { HostLogLine } from '../../src/host/to-host-logger.ts'
import { toHostLogger } from '../../src/host/to-host-logger.ts'

function recording(options?: Parameters<typeof toHostLogger>[1]) {
  const lines: HostLogLine[] = []
  return { lines, logger: toHostLogger((line) => lines.push(line), options) }
}

describe('toHostLogger', () => {
  it('hands each line to the host with its level, message and arguments', () => {
    const { lines, logger } = recording()
    logger.info('[sameorigin] routes', 1)
    logger.warn('careful')
    logger.error('failed', { route: '/api' })
    expect(lines).toEqual([
      { level: 'info', message: '[sameorigin] routes', args: [1], error: undefined },
      { level: 'warn', message: 'careful', args: [], error: undefined },
      { level: 'error', message: 'failed', args: [{ route: '/api' }], error: undefined },
    ])
  })

  it('finds the first Error among the arguments, and keeps it in them', () => {
    const { lines, logger } = recording()
    const cause = new Error('ECONNREFUSED')
    logger.error('upstream down', 'detail', cause, new Error('second'))
    expect(lines[0]?.error).toBe(cause)
    expect(lines[0]?.args).toHaveLength(3)
  })

  it("untag takes the core's [sameorigin] tag off, and nothing else", () => {
    const { lines, logger } = recording({ untag: true })
    const core = createLogger('info', { logger })
    core.info('routes (first match wins)')
    logger.warn('no tag here [sameorigin] ')
    logger.warn('[sameorigin]no space')
    logger.info(42)
    expect(lines.map((line) => line.message)).toEqual([
      'routes (first match wins)',
      'no tag here [sameorigin] ',
      '[sameorigin]no space',
      42,
    ])
  })

  it('keeps the tag without untag', () => {
    const { lines, logger } = recording()
    createLogger('info', { logger }).warn('careful')
    expect(lines[0]?.message).toBe('[sameorigin] careful')
  })
})
