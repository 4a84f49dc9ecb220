import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The version of this package (every `@sameorigin/*` package shares it), read from the nearest
 * package.json named `@sameorigin/cli` above this module: the same file from `src/init/` in tests
 * and from `dist/` when built.
 */
export function readCliVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (json.name === '@sameorigin/cli' && typeof json.version === 'string') return json.version
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error('The package.json of @sameorigin/cli was not found.')
    dir = parent
  }
}
