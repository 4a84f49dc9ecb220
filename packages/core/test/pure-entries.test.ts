// @sameorigin/core/rules and /rewrite are imported by Next configs and by a route handler over Web
// Request/Response: they must not load node:http (or any node: module, or a dependency) at runtime.
// This walks the source import graph from each entry; type-only imports are erased and allowed.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src/', import.meta.url))
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm

/** Every runtime (non-type) import specifier reachable from `entry`, keyed by the file importing it. */
function runtimeImports(entry: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, , typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly || specifier === undefined) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else found.set(file.slice(src.length), [...(found.get(file.slice(src.length)) ?? []), specifier])
    }
  }
  visit(resolve(src, entry))
  return found
}

describe('pure entries', () => {
  it.each(['rules/index.ts', 'rewrite/index.ts', 'config/index.ts', 'fetch/index.ts'])(
    '%s imports nothing but its own pure modules',
    (entry) => {
      expect(Object.fromEntries(runtimeImports(entry))).toEqual({})
    },
  )

  it('the walk finds runtime imports where there are some (the engine)', () => {
    const engine = runtimeImports('engine/create-proxy.ts')
    expect([...engine.values()].flat()).toEqual(expect.arrayContaining(['httpxy', 'node:process']))
  })

  it("the walk sees the node: modules of the Fetch transport's node entry", () => {
    const node = runtimeImports('fetch/node.ts')
    expect([...node.values()].flat()).toEqual(expect.arrayContaining(['node:http', 'node:https']))
  })

  // The built `default` condition, as workerd loads it: dist/fetch.mjs and every chunk it reaches.
  // Only where a build is present (turbo's `test` builds dependencies, not core itself); the source
  // walk above always runs.
  it.runIf(existsSync(new URL('../dist/fetch.mjs', import.meta.url)))(
    'dist/fetch.mjs and its chunks import no node: module and no package',
    () => {
      const dist = fileURLToPath(new URL('../dist/', import.meta.url))
      const found: string[] = []
      const seen = new Set<string>()
      const visit = (file: string): void => {
        if (seen.has(file)) return
        seen.add(file)
        const code = readFileSync(resolve(dist, file), 'utf8')
        for (const [, specifier = ''] of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
          if (specifier.startsWith('./')) visit(specifier.slice(2))
          else found.push(`${file}: ${specifier}`)
        }
      }
      visit('fetch.mjs')
      expect(seen.size).toBeGreaterThan(1)
      expect(found).toEqual([])
    },
  )
})
