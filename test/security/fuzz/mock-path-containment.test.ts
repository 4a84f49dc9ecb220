// Mock folder containment, as a property (CWE-22). A route's mock reads and writes files named after
// the request (`GET /api/users/42?b=2&a=1` → `<dir>/api/users/42/GET.a=1&b=2.json`), so every name
// `toMockKey` and `toMockFileNames` give must be one plain name: joined below the folder, the path
// must stay inside it under every reading a file system may make of it (POSIX, and Windows, where
// `\` separates, a trailing dot or space is dropped, and device names such as `CON` open a device),
// and it must never be a dot segment. Paths are what the pipeline matches (normalised, or refused
// first), queries and methods as sent. The HTTP tables (hostile/mock-folder-escape.test.ts) prove the
// same on disk, links included, for every host.
import { posix, win32 } from 'node:path'
import { toMockFileNames, toMockKey } from '@sameorigin/core'
import { normalizePath } from '@sameorigin/core/rules'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostilePath, segment } from '../src/arbitraries.ts'
import { checkProperty, HELD } from '../src/check-property.ts'

const DIR = '/srv/app/mocks'
const WIN_DIR = 'C:\\app\\mocks'
const DEVICE = /^(?:CON|PRN|AUX|NUL|COM\d|LPT\d|CONIN\$|CONOUT\$)(?:\.|$)/i

/** A query of hostile names and values. */
const hostileQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(segment, fc.oneof(segment, fc.constant(''))), { maxLength: 4 })
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`,
  )

const METHOD = fc.constantFrom(
  'GET',
  'HEAD',
  'POST',
  'DELETE',
  'PUT',
  'get',
  'M-SEARCH',
  'CONNECT',
  'GET.json',
)

/** Why `name` is not one plain name inside the folder, or `undefined`. */
function problemOf(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'a dot segment or an empty name'
  // oxlint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[/\\\0-\x1f]/.test(name)) return 'a separator or a control character'
  if (/[. ]$/.test(name)) return 'a trailing dot or space (Windows drops it)'
  if (DEVICE.test(name)) return 'a Windows device name'
  if (name.length > 255) return 'longer than a file name may be'
  const posixPath = posix.join(DIR, name)
  if (posix.dirname(posixPath) !== DIR) return 'outside the folder (POSIX)'
  const winPath = win32.join(WIN_DIR, name)
  if (win32.dirname(winPath) !== WIN_DIR) return 'outside the folder (Windows)'
  return undefined
}

describe('mock folder containment', () => {
  it('every folder and file name of a mock is one plain name inside the folder', () => {
    const tally = { mocked: 0, refused: 0, notMocked: 0 }
    const property = fc.property(hostilePath, hostileQuery, METHOD, (raw, search, method) => {
      let path: string
      try {
        path = normalizePath(raw)
      } catch {
        tally.refused++
        return true
      }
      const key = toMockKey(method, path, search)
      if (key === undefined) {
        tally.notMocked++
        return true
      }
      tally.mocked++
      for (const name of [...key.segments, ...toMockFileNames(key)]) {
        const problem = problemOf(name)
        if (problem !== undefined) throw new Error(`${JSON.stringify(name)} is ${problem}`)
      }
      return true
    })
    const report = { module: '@sameorigin/core toMockKey', title: 'mock folder names stay inside the folder' }
    expect(checkProperty(report, property, { tally, parameters: { numRuns: 10_000 } })).toBe(HELD)
    expect(tally.mocked).toBeGreaterThan(1000)
  })

  it('a folder name spells its segment byte for byte, so two segments never share a folder', () => {
    const tally = { compared: 0, capped: 0 }
    const property = fc.property(segment, (raw) => {
      let path: string
      try {
        path = normalizePath(`/api/${raw}`)
      } catch {
        return true
      }
      const key = toMockKey('GET', path, '')
      const segments = path.split('/').filter((part) => part !== '')
      if (key === undefined || key.segments.length !== segments.length) return true
      key.segments.forEach((name, i) => {
        // A long name keeps a prefix and a hash of the whole: told apart by the hash instead.
        if (name.includes('~')) return void tally.capped++
        tally.compared++
        if (decodeBytes(name) !== decodeBytes(segments[i] ?? ''))
          throw new Error(`${JSON.stringify(name)} does not spell ${JSON.stringify(segments[i])}`)
      })
      return true
    })
    const report = {
      module: '@sameorigin/core toMockKey',
      title: 'a mock folder name decodes to its segment',
    }
    expect(checkProperty(report, property, { tally })).toBe(HELD)
    expect(tally.compared).toBeGreaterThan(1000)
  })
})

/** `%XX` read as the byte it stands for (one character per byte); everything else as it is. */
function decodeBytes(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}
