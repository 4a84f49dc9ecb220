// `pnpm build` / `pnpm preview`: the astro CLI under a Node that can run it (see find-node.mjs).
// Without one (Node 20 and no Node 24 installed), `build` says so and stops without failing, so the
// repository's build on Node 20 goes on; `preview` and `check` fail.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { astroBin } from './astro-bin.mjs'
import { findNode, NO_NODE } from './find-node.mjs'

const args = process.argv.slice(2)
const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(args[0] === 'build' ? 0 : 1)
}
const bin = astroBin()
const child = spawn(node, [bin, ...args], {
  cwd: new URL('..', import.meta.url),
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
})
child.once('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)))
