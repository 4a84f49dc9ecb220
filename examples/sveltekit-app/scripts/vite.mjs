// `pnpm build` and `pnpm preview`: `vite build` / `vite preview` under a Node that runs SvelteKit 3
// (find-node.mjs). Without one, `build` says so and skips rather than fail (the repository's own
// tasks run on Node 20); `preview` says so and exits 1.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { findNode, NO_NODE } from './find-node.mjs'

const command = process.argv[2] ?? 'build'
const node = findNode()
if (node === undefined) {
  process.stdout.write(`${command} ${command === 'build' ? 'skipped' : 'failed'}: ${NO_NODE}\n`)
  process.exit(command === 'build' ? 0 : 1)
}
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js')
const { status } = spawnSync(node, [vite, command, ...process.argv.slice(3)], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
})
process.exit(status ?? 1)
