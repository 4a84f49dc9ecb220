// The inspector's data layer runs in every transport, the Fetch transport on a Worker included: no
// node: module and no package at runtime (type-only imports, such as har-format's, are erased).
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm

/** Runtime import specifiers that leave the source tree, from `entry` and everything it reaches. */
function externalImports(entry: string): { files: number; found: string[] } {
  const found: string[] = []
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, , typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly || specifier === undefined) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else found.push(`${file.slice(src.length)}: ${specifier}`)
    }
  }
  visit(resolve(src, entry))
  return { files: seen.size, found }
}

describe('inspect/', () => {
  it('imports no node: module and no package at runtime', () => {
    const { files, found } = externalImports('inspect/index.ts')
    expect(files).toBeGreaterThan(10)
    expect(found).toEqual([])
  })

  it('the walk sees a package where there is one', () => {
    expect(externalImports('engine/create-proxy.ts').found.join('\n')).toContain('httpxy')
  })
})
