// `pnpm start`: `react-router-serve` of the build under a Node that runs React Router 8 (see
// find-node.mjs). With NODE_ENV=production (react-router-serve's default), nothing forwards /api.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { findNode, NO_NODE } from './find-node.mjs'

const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(1)
}
const serve = join(
  dirname(createRequire(import.meta.url).resolve('@react-router/serve/package.json')),
  'bin.cjs',
)
const child = spawn(node, [serve, './build/server/index.js'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
})
child.once('exit', (code) => process.exit(code ?? 0))
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.once(signal, () => child.kill(signal))
