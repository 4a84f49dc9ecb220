import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { onTestFinished } from 'vitest'

/** A self-accepting module: editing it makes Vite send an HMR `update` (not a full reload). */
export function mainModule(value: number): string {
  return `export const value = ${value}\nif (import.meta.hot) import.meta.hot.accept()\n`
}

const DEFAULT_FILES: Readonly<Record<string, string>> = {
  // Stops the sameorigin.config.* search here, as a repository root would.
  'pnpm-workspace.yaml': '',
  'index.html': '<!doctype html><title>dev</title><script type="module" src="/main.js"></script>\n',
  'main.js': mainModule(1),
  'dist/index.html': '<!doctype html><title>built</title>\n',
}

/** Writes a small Vite project into a fresh temporary directory, removed when the test finishes. */
export function createFixture(files: Readonly<Record<string, string>> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-vite-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  for (const [name, text] of Object.entries({ ...DEFAULT_FILES, ...files })) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}
