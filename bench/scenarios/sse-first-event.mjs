// Scenario 4: from the upstream writing an event stream's first event to the client decoding it, with
// a browser's Accept-Encoding. Upstream and client share this process's clock (performance.now()).

import { get } from 'node:http'
import { performance } from 'node:perf_hooks'
import { BROWSER_ACCEPT_ENCODING } from '../_config.mjs'
import { decode } from '../lib/request.mjs'

/** Samples that time out in a row before the subject is judged to hold events until timeout. */
const GIVE_UP_AFTER = 3

/**
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {Map<string, number>} firstEventWrittenAt filled by the upstream
 * @param {{ samples: number, timeoutMs: number }} settings
 */
export async function measureFirstEvent(subject, firstEventWrittenAt, settings) {
  const latencies = []
  let timedOutInARow = 0
  let timedOut = 0
  let contentEncoding
  for (let i = 0; i < settings.samples && timedOutInARow < GIVE_UP_AFTER; i++) {
    const id = `${subject.name}-${i}-${Date.now()}`
    const sample = await readFirstEvent(
      `${subject.url}/api/sse?id=${id}`,
      settings.timeoutMs,
      BROWSER_ACCEPT_ENCODING,
    )
    contentEncoding = sample.contentEncoding
    const writtenAt = firstEventWrittenAt.get(id)
    firstEventWrittenAt.delete(id)
    if (sample.receivedAt === undefined || writtenAt === undefined) {
      timedOut++
      timedOutInARow++
      continue
    }
    timedOutInARow = 0
    latencies.push(sample.receivedAt - writtenAt)
  }
  latencies.sort((a, b) => a - b)
  const median = latencies.length === 0 ? Number.NaN : latencies[Math.floor((latencies.length - 1) / 2)]
  return {
    medianMs: timedOut > latencies.length ? Number.POSITIVE_INFINITY : median,
    samples: latencies.length,
    timedOut,
    timeoutMs: settings.timeoutMs,
    contentEncoding,
  }
}

/**
 * Opens the stream and resolves when the decoded text holds a whole first event (or at the timeout).
 * @param {string} url
 * @param {number} timeoutMs
 * @param {string} [acceptEncoding]
 * @returns {Promise<{ receivedAt?: number, text: string, contentEncoding?: string }>}
 */
export function readFirstEvent(url, timeoutMs, acceptEncoding) {
  return new Promise((resolve, reject) => {
    let text = ''
    let contentEncoding
    const headers = {
      accept: 'text/event-stream',
      ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
    }
    const req = get(url, { headers })
    const timer = setTimeout(() => {
      req.destroy()
      resolve({ text, contentEncoding })
    }, timeoutMs)
    req.on('response', (res) => {
      contentEncoding = res.headers['content-encoding'] ?? 'identity'
      const body = decode(res)
      body.on('data', (chunk) => {
        text += chunk
        if (text.includes('first event"}\n\n')) {
          const receivedAt = performance.now()
          clearTimeout(timer)
          req.destroy()
          resolve({ receivedAt, text: text.slice(0, text.indexOf('\n\n') + 2), contentEncoding })
        }
      })
      body.on('error', () => {})
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      if (error.message !== 'socket hang up') reject(error)
    })
  })
}
