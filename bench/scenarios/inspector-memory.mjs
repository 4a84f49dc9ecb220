// Scenario 8: what the inspector costs in memory. The same engine (sameorigin-core) three times, each
// freshly started: without the inspector (`off`), recording without bodies (`records`: bodyLimit 0,
// so the difference to `off` is the records themselves, four header lists each) and recording as in
// a dev server (`on`). `off` and `on` get the same requests, browser-like (about 30 header fields each way):
// JSON answers of 1 to 8 KiB, one POST in five with a JSON body, one answer in fifty of 200 KiB. Then
// the subject collects its garbage and reports its memory; the kernel's peak mark is read too.

import { Agent } from 'node:http'
import { readGroupMemory, resetGroupPeakRss } from '../lib/process-tree.mjs'
import { request } from '../lib/request.mjs'

const MIB = 1024 * 1024
const KIB = 1024

/** The three instances, in the order they run. */
const MODES = Object.freeze([
  ['off', false],
  ['records', { bodyLimit: 0 }],
  ['on', true],
])

/** What a browser sends to an API with a session: 24 fields, with `host` and `connection` 26. */
const BROWSER_HEADERS = Object.freeze({
  accept: 'application/json, text/plain, */*',
  'accept-language': 'en-GB,en;q=0.9,de;q=0.8,fr;q=0.7',
  'accept-encoding': 'identity',
  'user-agent':
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  referer: 'http://localhost:5173/dashboard/reports?range=30d',
  'sec-ch-ua': '"Chromium";v="156", "Not_A Brand";v="24"',
  'sec-ch-ua-mobile': '?0',
  'sec-ch-ua-platform': '"Linux"',
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'cors',
  'sec-fetch-dest': 'empty',
  priority: 'u=1, i',
  cookie: `session=${'s'.repeat(40)}; csrf=${'c'.repeat(32)}; theme=dark; locale=en-GB; _ga=GA1.1.123456789.1700000000; _ga_XYZ=GS1.1.1700000000.1.1.1700000000.0.0.0; consent=${'y'.repeat(120)}`,
  authorization: `Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${'e'.repeat(300)}.${'g'.repeat(340)}`,
  'x-requested-with': 'XMLHttpRequest',
  'x-csrf-token': 'c'.repeat(32),
  'cache-control': 'no-cache',
  pragma: 'no-cache',
  dnt: '1',
  'x-client-version': '4.12.0+build.2207',
  baggage: 'userId=alice,serverNode=DF%2028,isProduction=false',
})

/**
 * @param {(options: Record<string, unknown>) => Promise<import('../lib/launch-subject.mjs').RunningSubject>} launch
 *   starts sameorigin-core with `--expose-gc` and these options for its `start`
 * @param {{ requests: number, recordsRequests: number, concurrency: number }} settings `records` runs
 *   only `recordsRequests` (enough to fill the log): `off` is read at that count too, for it
 */
export async function measureInspectorMemory(launch, settings) {
  const readings = {}
  for (const [mode, inspector] of MODES) {
    const counts =
      mode === 'off'
        ? [settings.recordsRequests, settings.requests]
        : mode === 'records'
          ? [settings.recordsRequests]
          : [settings.requests]
    const subject = await launch({ inspector })
    try {
      readings[mode] = await measureOne(subject, counts, settings.concurrency)
    } finally {
      await subject.close()
    }
  }
  const [offEarly, off] = readings.off
  const [records] = readings.records
  const [on] = readings.on
  return {
    ...settings,
    off,
    on,
    records,
    offAtRecords: offEarly,
    rssDifferenceMiB: on.rssMiB - off.rssMiB,
    /** As read before the collection: what the process held then, garbage included. */
    rssBeforeGcDifferenceMiB: on.rssBeforeGcMiB - off.rssBeforeGcMiB,
    heapDifferenceMiB: on.heapUsedMiB - off.heapUsedMiB,
    peakRssDifferenceMiB: on.peakRssMiB - off.peakRssMiB,
    /** Heap per kept exchange without bodies: the record, its four header lists, its summary. */
    recordKiB: ((records.heapUsedMiB - offEarly.heapUsedMiB) * KIB) / Math.max(1, records.kept),
  }
}

/**
 * Sends the mix up to each of `counts` requests in turn, and reads the memory at each.
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {number[]} counts increasing
 * @param {number} concurrency
 */
async function measureOne(subject, counts, concurrency) {
  const pgid = /** @type {number} */ (subject.pgid)
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  resetGroupPeakRss(pgid)
  const readings = []
  let next = 0
  try {
    for (const count of counts) {
      const worker = async () => {
        while (next < count) await send(subject.url, next++, agent)
      }
      await Promise.all(Array.from({ length: concurrency }, worker))
      readings.push(await readMemory(subject, count))
    }
  } finally {
    agent.destroy()
  }
  return readings
}

/**
 * @param {import('../lib/launch-subject.mjs').RunningSubject} subject
 * @param {number} requests sent so far
 */
async function readMemory(subject, requests) {
  const pgid = /** @type {number} */ (subject.pgid)
  const rssBeforeGcBytes = [...readGroupMemory(pgid).values()].reduce((sum, m) => sum + m.rssBytes, 0)
  const memory = await subject.memory()
  const group = readGroupMemory(pgid)
  const peakBytes = [...group.values()].reduce((sum, m) => sum + m.peakBytes, 0)
  return {
    requests,
    rssMiB: memory.rss / MIB,
    rssBeforeGcMiB: rssBeforeGcBytes / MIB,
    peakRssMiB: peakBytes / MIB,
    heapUsedMiB: memory.heapUsed / MIB,
    externalMiB: memory.external / MIB,
    arrayBuffersMiB: memory.arrayBuffers / MIB,
    kept: await countKept(subject.url),
  }
}

/**
 * Request `i` of the mix: every 50th a 200 KiB answer, every 5th a POST of 2 to 6 KiB of JSON,
 * the rest JSON answers of 1 to 8 KiB.
 * @param {string} url
 * @param {number} i
 * @param {Agent} agent
 */
async function send(url, i, agent) {
  const headers = { ...BROWSER_HEADERS, 'x-correlation-id': `corr-${i}`, traceparent: traceparent(i) }
  let res
  if (i % 50 === 0) res = await request(`${url}/api/json?bytes=${200 * KIB}`, { headers, agent })
  else if (i % 5 === 0) {
    const body = Buffer.from(JSON.stringify({ i, note: 'n'.repeat((2 + ((i / 5) % 5)) * KIB) }))
    res = await request(`${url}/api/upload`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body,
      agent,
    })
  } else res = await request(`${url}/api/json?bytes=${(1 + (i % 8)) * KIB}`, { headers, agent })
  if (res.status !== 200) throw new Error(`request ${i}: HTTP ${res.status}`)
}

/** @param {number} i */
function traceparent(i) {
  return `00-${i.toString(16).padStart(32, '0')}-${(i * 7).toString(16).padStart(16, '0')}-01`
}

/**
 * Exchanges the inspector holds (0 when it is off): proof that it recorded. Read after the memory.
 * @param {string} url
 */
async function countKept(url) {
  const res = await request(`${url}/__sameorigin/api/exchanges`)
  return res.status === 200 ? JSON.parse(res.body.toString()).exchanges.length : 0
}
