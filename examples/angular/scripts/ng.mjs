// `pnpm build` / `pnpm start`: the ng CLI under a Node that can run Angular 22 (see find-node.mjs).
// Without one (Node 20 and no Node 24 installed), `build` says so and stops without failing, so the
// repository's build on Node 20 goes on; every other command fails.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { findNode, NG_BIN, NO_NODE } from './find-node.mjs'

const args = process.argv.slice(2)
const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(args[0] === 'build' ? 0 : 1)
}
const child = spawn(node, [NG_BIN, ...args], {
  cwd: new URL('..', import.meta.url),
  stdio: 'inherit',
  env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
})
child.once('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)))
