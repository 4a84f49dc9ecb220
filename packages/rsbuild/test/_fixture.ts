import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { onTestFinished } from 'vitest'

const DEFAULT_FILES: Readonly<Record<string, string>> = {
  // Stops the sameorigin.config.* search here, as a repository root would.
  'pnpm-workspace.yaml': '',
  // Rsbuild's default entry; its HTML page comes from Rsbuild's own template.
  'src/index.js': 'document.title = "dev"\n',
  // What `rsbuild preview` serves: a build, written directly (a real build is the app's business).
  'dist/index.html': '<!doctype html><title>built</title>\n',
}

/** Writes a small Rsbuild project into a fresh temporary directory, removed when the test finishes. */
export function createFixture(files: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-rsbuild-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  for (const [name, text] of Object.entries({ ...DEFAULT_FILES, ...files })) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}
