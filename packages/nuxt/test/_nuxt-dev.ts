import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { findNode24, stopChild } from '@sameorigin/test-utils'

const DIST = fileURLToPath(new URL('../dist/index.mjs', import.meta.url))
const NUXT_BIN = join(dirname(createRequire(import.meta.url).resolve('nuxt/package.json')), 'bin/nuxt.mjs')
// In this package (gitignored), so the app resolves `nuxt` from its node_modules.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** A `nuxt dev` that ran: its URL (once ready), everything it printed, and how it ended. */
export interface NuxtDev {
  /** `http://127.0.0.1:<port>`, or `undefined` when it exited before it was ready. */
  readonly url: string | undefined
  /** stdout and stderr, colour codes removed. */
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** The suite's environment without what makes Nuxt think it runs under a test runner (warnings only). */
function toNuxtEnv(): NodeJS.ProcessEnv {
  const {
    TEST: _test,
    VITEST: _vitest,
    VITEST_MODE: _mode,
    VITEST_POOL_ID: _pool,
    VITEST_WORKER_ID: _worker,
    ...env
  } = process.env
  return { ...env, NODE_ENV: 'development', NUXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }
}

/**
 * Writes a Nuxt 4 app (a `nuxt.config.mjs` with this package's build as a module and `config` as its
 * other options, plus `files`) into a temp directory and runs `nuxt dev` in it under Node 24, on
 * 127.0.0.1 port 0; resolves once Nuxt is ready, or once it exited (a failed start).
 */
export async function startNuxtDev(config: string, files: Record<string, string> = {}): Promise<NuxtDev> {
  const root = await writeApp(config, files)
  return run(
    root,
    [NUXT_BIN, 'dev', '--no-fork', '--host', '127.0.0.1', '--port', '0'],
    {},
    /Ready in .*(http:\/\/127\.0\.0\.1:\d+)/,
  )
}

/**
 * Like {@link startNuxtDev}, but `nuxt build`, then the built server (`.output/server/index.mjs`) on
 * 127.0.0.1 port 0; `url` is `undefined` when either failed.
 */
export async function startNuxtBuild(config: string, files: Record<string, string> = {}): Promise<NuxtDev> {
  const root = await writeApp(config, files)
  const build = await run(root, [NUXT_BIN, 'build'], { NODE_ENV: 'production' }, /Build complete/)
  if (build.url === undefined) return build
  const server = await run(
    root,
    ['.output/server/index.mjs'],
    { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0' },
    /Listening on (http:\/\/127\.0\.0\.1:\d+)/,
  )
  return { ...server, output: () => build.output() + server.output() }
}

/** Writes the app into a new temp directory. */
async function writeApp(config: string, files: Record<string, string>): Promise<string> {
  await mkdir(TMP, { recursive: true })
  const root = await mkdtemp(join(TMP, 'app-'))
  const app = {
    'nuxt.config.mjs': `export default { compatibilityDate: '2026-12-01', devtools: { enabled: false }, telemetry: false, modules: [${JSON.stringify(DIST)}], ...${config} }\n`,
    'app/app.vue': '<template><NuxtPage /></template>\n',
    'app/pages/index.vue': '<template><h1>home</h1></template>\n',
    ...files,
  }
  for (const [name, text] of Object.entries(app)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), text)
  }
  return root
}

/**
 * Runs `args` under Node 24 in `root` until a line matches `ready` (its first group, if any, is the
 * URL; `''` for a command that only finishes) or the process exits (`undefined`). `stop` ends it
 * and removes `root`.
 */
async function run(
  root: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<NuxtDev> {
  const child = spawn(findNode24('Nuxt 4.6', '22.22'), args, {
    cwd: root,
    env: { ...toNuxtEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const url = await new Promise<string | undefined>((resolve) => {
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) => {
        printed += `${stripVTControlCharacters(line)}\n`
        const matched = ready.exec(line)
        if (matched !== null) resolve(matched[1] ?? '')
      })
    void once(child, 'exit').then(() => resolve(undefined))
  })
  return {
    url,
    output: () => printed,
    stop: async () => {
      await stopChild(child)
      await rm(root, { recursive: true, force: true })
    },
  }
}
