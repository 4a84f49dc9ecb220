import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import type { RunningBin } from './_bin.ts'
import { startBin } from './_bin.ts'

/** A fresh project folder (a `package.json` and nothing else), removed when the test finishes. */
export function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-serve-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  return dir
}

/**
 * Starts the real `sameorigin serve --port 0 <args>` in `cwd` and resolves once it is ready (it has
 * printed `press Ctrl-C to stop`), with the address it printed; stopped when the test finishes.
 */
export async function startServe(
  args: readonly string[],
  cwd: string = emptyFolder(),
): Promise<{ url: string; running: RunningBin }> {
  const running = startBin(['serve', '--port', '0', ...args], { cwd })
  onTestFinished(async () => void (await running.stop()))
  const [, url] = await running.waitFor(/sameorigin serve\s+(http:\/\/\S+)/)
  await running.waitFor(/press Ctrl-C to stop/)
  return { url: url ?? '', running }
}
