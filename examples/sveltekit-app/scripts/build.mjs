// `pnpm build`: `vite build` under a Node that runs SvelteKit 3 (see find-node.mjs). Where there is
// none (the repository's Node 20 tasks without .tmp/node24), it says so and skips, rather than fail.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { findNode, NO_NODE } from './find-node.mjs'

const node = findNode()
if (node === undefined) {
  process.stdout.write(`build skipped: ${NO_NODE}\n`)
  process.exit(0)
}
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js')
const { status } = spawnSync(node, [vite, 'build'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
})
process.exit(status ?? 1)
