// The report handler runs on any Fetch API host: from create-report-handler.ts, no node: module and
// no package is loaded at runtime (type-only imports are erased). The file read is apart.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm

function runtimePackages(entry: string): string[] {
  const found: string[] = []
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, , typeOnly, specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else found.push(specifier)
    }
  }
  visit(resolve(src, entry))
  return found
}

describe('the report handler', () => {
  it('imports nothing but pure modules', () => {
    expect(runtimePackages('report/create-report-handler.ts')).toEqual([])
  })

  it('the walk sees the client file read on Node', () => {
    expect(runtimePackages('report/read-report-client.ts')).toEqual(['node:fs/promises', 'node:url'])
  })
})
