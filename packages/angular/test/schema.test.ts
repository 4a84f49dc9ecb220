// The builder's schema (dist/schema.json, written by `build` from the installed @angular/build) has
// every option of Angular's own dev-server builder, so each of `ng serve`'s flags works under it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const readJson = (path: string): { properties: Record<string, unknown>; required?: string[] } =>
  JSON.parse(readFileSync(path, 'utf8'))

describe('dist/schema.json', () => {
  const ours = readJson(new URL('../dist/schema.json', import.meta.url).pathname)
  const angularRoot = dirname(require.resolve('@angular/build/package.json'))
  const angular = readJson(join(angularRoot, 'src/builders/dev-server/schema.json'))

  it("has every option of the installed @angular/build:dev-server, as Angular's schema declares it", () => {
    for (const [name, option] of Object.entries(angular.properties))
      expect({ name, option: ours.properties[name] }).toEqual({ name, option })
    expect(ours.required).toEqual(angular.required)
  })

  it('adds only sameoriginConfig', () => {
    const added = Object.keys(ours.properties).filter((name) => !(name in angular.properties))
    expect(added).toEqual(['sameoriginConfig'])
  })

  it('builders.json names the built builder and this schema', () => {
    const builders = readJson(new URL('../builders.json', import.meta.url).pathname) as unknown as {
      builders: Record<string, { implementation: string; schema: string }>
    }
    expect(builders.builders['dev-server']).toMatchObject({
      implementation: './dist/builder.mjs',
      schema: './dist/schema.json',
    })
  })
})
