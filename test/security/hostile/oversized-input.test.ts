// Oversized requests (CWE-400, CWE-770). Megabyte header blocks, cookies that grew past what any
// backend accepts and kilometre-long paths are how a client makes a proxy buffer without bound,
// stall, or crash; a proxy that forwards what it should have refused also moves the failure to a
// backend that may handle it worse. Node's parser caps the request head at 16 KiB and answers 431
// (Request Header Fields Too Large) before any middleware runs; below the cap, long paths and big
// cookies are ordinary requests and reach the upstream intact. After each row the server must still
// answer: a 431 is an answer, not a crash.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get } from '../src/raw-request.ts'

// `ng serve` answers a GET that nothing else takes with the app's index.html (Angular's page
// fallback, after the engine let the request pass): 200, with nothing forwarded.
const PAGE_FALLBACK = { 'angular-dev': 200 } as const

const KIB = 1024
const longSegment = 'a'.repeat(8 * KIB)
const cookie = `session=${'c'.repeat(12 * KIB)}`

const ROWS: readonly HostileRow[] = [
  {
    name: 'an 8 KiB path below the cap',
    send: get(`/api/${longSegment}`),
    status: 200,
    upstream: `/${longSegment}`,
  },
  { name: 'a 20 KiB path', send: get(`/api/${'a'.repeat(20 * KIB)}`), status: 431, upstream: 'nothing' },
  {
    name: 'a 64 KiB request line',
    send: get(`/api/${'%2e%2e/'.repeat((64 * KIB) / 7)}`),
    status: 431,
    upstream: 'nothing',
  },
  {
    name: 'one 20 KiB header',
    send: get('/api/x', [`X-Big: ${'b'.repeat(20 * KIB)}`]),
    status: 431,
    upstream: 'nothing',
  },
  {
    name: 'a 20 KiB cookie',
    send: get('/api/x', [`Cookie: s=${'c'.repeat(20 * KIB)}`]),
    status: 431,
    upstream: 'nothing',
  },
  {
    name: '300 headers of 64 bytes',
    send: get(
      '/api/x',
      Array.from({ length: 300 }, (_, i) => `X-H${i}: ${'h'.repeat(56)}`),
    ),
    status: 431,
    upstream: 'nothing',
  },
  {
    name: 'a 1 MiB header',
    send: get('/api/x', [`X-Huge: ${'h'.repeat(1024 * KIB)}`]),
    status: 431,
    upstream: 'nothing',
  },
  {
    name: 'a 12 KiB cookie below the cap reaches the upstream intact',
    send: get('/api/x', [`Cookie: ${cookie}`]),
    status: 200,
    upstream: '/x',
    seen: { cookie },
  },
  {
    name: '2 000 dot-dot segments resolve to the root',
    send: get(`/api/${'../'.repeat(2000)}admin`),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '1 500 encoded dot-dot segments resolve to the root',
    send: get(`/v1/${'%2e%2e/'.repeat(1500)}admin`),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
]

describeHostile('oversized input', ROWS, WITH_CHILD_HOSTS)
