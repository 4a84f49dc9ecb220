// `pnpm build`: `react-router build` under a Node that runs React Router 8 (see find-node.mjs). Where
// there is none (the repository's Node 20 tasks without .tmp/node24), it says so and skips, rather than fail.
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { findNode, NO_NODE, REACT_ROUTER_BIN } from './find-node.mjs'

const node = findNode()
if (node === undefined) {
  process.stdout.write(`build skipped: ${NO_NODE}\n`)
  process.exit(0)
}
const { status } = spawnSync(node, [REACT_ROUTER_BIN, 'build'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
})
process.exit(status ?? 1)
