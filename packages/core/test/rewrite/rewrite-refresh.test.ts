import { describe, expect, it } from 'vitest'
import { rewriteRefresh } from '../../src/rewrite/index.ts'
import { createMatch, createRoute, STAGING } from './_fixtures.ts'

const match = createMatch(createRoute('/api', `${STAGING}/v1`), '/api/done')
const context = { targetOrigin: STAGING, requestUrl: match.upstreamUrl, toDevPath: match.route.toDevPath }

describe('rewriteRefresh', () => {
  it.each([
    [`5; url=${STAGING}/v1/next`, '5; url=/api/next'],
    [`0;URL=${STAGING}/v1/next`, '0;URL=/api/next'],
    [`0; URL = ${STAGING}/v1/next`, '0; URL = /api/next'],
    [`0; url='${STAGING}/v1/next'`, "0; url='/api/next'"],
    [`0; url="${STAGING}/v1/next" trailing`, '0; url="/api/next" trailing'],
    [`0; '${STAGING}/v1/next'`, "0; '/api/next'"],
    [`0, ${STAGING}/v1/next`, '0, /api/next'],
    [`0 ${STAGING}/v1/next`, '0 /api/next'],
    [`  3.5 ; url=${STAGING}/v1/next`, '  3.5 ; url=/api/next'],
    [`.5; url=${STAGING}/v1/next`, '.5; url=/api/next'],
    ['0; url=/v1/next', '0; url=/api/next'],
    ['0; url=next', '0; url=/api/next'],
    // "u" not followed by "rl=": the letters are the URL (relative), per the HTML steps.
    ['0; up', '0; /api/up'],
    ['0; url', '0; /api/url'],
    // No URL, or values browsers ignore: unchanged.
    ['5', '5'],
    ['5;', '5;'],
    ['5; ', '5; '],
    ['', ''],
    [`x; url=${STAGING}/v1/next`, `x; url=${STAGING}/v1/next`],
    [`5x url=${STAGING}/v1/next`, `5x url=${STAGING}/v1/next`],
    // Elsewhere: unchanged.
    ['0; url=https://other.example/v1/next', '0; url=https://other.example/v1/next'],
  ])('%s → %s', (value, expected) => {
    expect(rewriteRefresh(value, context)).toBe(expected)
  })
})
