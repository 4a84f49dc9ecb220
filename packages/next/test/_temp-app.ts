import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'

/** This package's folder: what an app's `node_modules/@sameorigin/next` links to. */
const PACKAGE = fileURLToPath(new URL('..', import.meta.url))

/** A Next app's root on disk, with `@sameorigin/next` installed (linked), removed when the test finishes. */
export interface TempApp {
  readonly root: string
  /** Writes `content` to `name` in the root, as an editor's save would. */
  readonly put: (name: string, content: string) => void
}

/**
 * A fresh app folder: a `package.json` and `node_modules/@sameorigin/next` linked to this package, so
 * the route handler finds the core from the app, as it does in a real app.
 */
export function createTempApp(): TempApp {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-next-app-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  writeFileSync(join(root, 'package.json'), '{ "name": "app", "private": true }\n')
  mkdirSync(join(root, 'node_modules', '@sameorigin'), { recursive: true })
  symlinkSync(PACKAGE, join(root, 'node_modules', '@sameorigin', 'next'), 'dir')
  return { root, put: (name, content) => writeFileSync(join(root, name), content) }
}
