import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * A fresh app folder for `sameorigin export` to run in: a `package.json` and `files` (paths relative
 * to the folder, sub-folders made as needed: `sameorigin.config.mjs`, `.env.production`,
 * `dist/index.html`). The caller removes it.
 */
export function writeProject(prefix: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), `sameorigin-export-${prefix}-`))
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}
