// The handler is mounted by every transport, the Fetch transport on a Worker included: no node:
// module and no package at runtime in inspector/, except the Node reader of the page's files.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const folder = new URL('../../src/inspector/', import.meta.url)
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm

describe('inspector/', () => {
  it('imports only its own and inspect/ modules at runtime, node:fs in read-inspector-asset.ts alone', () => {
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts'))
    expect(files).toContain('create-inspector-handler.ts')
    const outside = files.flatMap((name) =>
      [...readFileSync(new URL(name, folder), 'utf8').matchAll(IMPORT)]
        .filter(([, typeOnly, specifier]) => typeOnly === undefined && !specifier?.startsWith('.'))
        .map(([, , specifier]) => `${name}: ${specifier}`),
    )
    expect(outside).toEqual(['read-inspector-asset.ts: node:fs/promises'])
  })
})
