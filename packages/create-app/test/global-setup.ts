import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** What the tests run: this package's bin and the packages the templates install from the workspace. */
const PACKAGES = [
  'create-app',
  'core',
  'vite',
  'webpack',
  'rsbuild',
  'next',
  'sveltekit',
  'nuxt',
  'astro',
  'angular',
]

/**
 * Builds this package and the sameorigin packages the templates use when a `dist/` is missing or older
 * than its sources. The root `npm test` builds everything before vitest starts, so this is a no-op
 * there; it makes `pnpm vitest run --project create-app` work on its own.
 */
export function setup(): void {
  const stale = PACKAGES.filter((name) => isStale(join(repoRoot, 'packages', name)))
  if (stale.length === 0) return
  process.stdout.write(`create-app: building ${stale.join(', ')} (dist missing or older than src)\n`)
  execFileSync(
    join(repoRoot, 'node_modules/.bin/pnpm'),
    ['turbo', 'run', 'build', '--filter=create-sameorigin...', '--output-logs=errors-only'],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  )
}

function isStale(packageDir: string): boolean {
  const built = join(packageDir, 'dist/index.mjs')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  return (
    newestMtime(join(packageDir, 'src')) > builtAt ||
    statSync(join(packageDir, 'package.json')).mtimeMs > builtAt
  )
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}
