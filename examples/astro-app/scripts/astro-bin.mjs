import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The astro CLI's entry file (its package's `bin`; the package does not export it as a subpath). */
export function astroBin() {
  const manifest = createRequire(import.meta.url).resolve('astro/package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'))
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.astro)
}
