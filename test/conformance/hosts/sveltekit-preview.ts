import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import type { Host, StartOptions } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { findNode24, startChildHost, toSource } from './child-host.ts'
import { hostUrl, TLS_OPTIONS } from './tls.ts'

const require = createRequire(import.meta.url)
const FIXTURE = fileURLToPath(new URL('../fixtures/sveltekit', import.meta.url))
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** A hash of what the build depends on: the fixture's files, the plugin and SvelteKit. A new one, a new build. */
function hashFixture(): string {
  const hash = createHash('sha256')
  const add = (dir: string): void => {
    for (const name of readdirSync(dir).toSorted()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) add(path)
      else hash.update(path).update(readFileSync(path))
    }
  }
  add(FIXTURE)
  // The plugin's build-time part (the hook kept external) and SvelteKit's version.
  hash.update(readFileSync(require.resolve('@sameorigin/sveltekit')))
  hash.update(readFileSync(require.resolve('@sveltejs/kit/package.json')))
  return hash.digest('hex').slice(0, 12)
}

/** The one build every block previews (made by the first block that needs it, in any worker). */
const BUILD = join(TMP, `sveltekit-preview-${hashFixture()}`)
const DONE = join(BUILD, '.built')

/**
 * The fixture's hook for a build: its options are the block's, read at run time from the module
 * `SAMEORIGIN_HOOK_OPTIONS` names, so one build serves every block.
 */
const HOOKS = `import { createHandle } from '@sameorigin/sveltekit/hooks'
const { default: options } = await import(/* @vite-ignore */ process.env.SAMEORIGIN_HOOK_OPTIONS)
export const handle = createHandle(options)
`

/** Builds the fixture once: the first caller builds under a lock directory, the others wait for it. */
async function ensureBuild(node: string): Promise<void> {
  if (existsSync(DONE)) return
  await mkdir(TMP, { recursive: true })
  const lock = `${BUILD}.lock`
  // A lock left by a run that was stopped while building.
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) await rm(lock, { recursive: true })
  let owner = true
  try {
    await mkdir(lock)
  } catch {
    owner = false
  }
  if (!owner) {
    const deadline = Date.now() + 120_000
    while (!existsSync(DONE)) {
      if (Date.now() > deadline) throw new Error(`sveltekit-preview: no build at ${BUILD} after 120 s`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    return
  }
  // Builds of earlier fixtures or plugins (and their locks), and this one's leftovers.
  const ours = `${BUILD}.lock`.slice(TMP.length)
  const stale = readdirSync(TMP).filter(
    (name) => /^sveltekit-preview-[0-9a-f]{12}(\.lock)?$/.test(name) && name !== ours,
  )
  await Promise.all(stale.map((name) => rm(join(TMP, name), { recursive: true, force: true })))
  await cp(FIXTURE, BUILD, { recursive: true })
  await writeFile(join(BUILD, 'src/hooks.server.js'), HOOKS)
  await writeFile(join(BUILD, 'build.mjs'), toRunner({}, { websockets: false, http2: false }, 'build'))
  const built = spawnSync(node, ['build.mjs'], { cwd: BUILD, encoding: 'utf8' })
  if (built.status !== 0) {
    await rm(lock, { recursive: true })
    throw new Error(`sveltekit-preview: vite build failed:\n${built.stdout}\n${built.stderr}`)
  }
  await writeFile(DONE, '')
}

/**
 * The child's program: Vite's `build` or `preview` with `sveltekit()` and `sameorigin(config)`, the
 * preview on 127.0.0.1 and a random port, its log lines and port as JSON lines on stdout.
 */
function toRunner(config: UserConfig, { http2 }: StartOptions, command: 'build' | 'preview'): string {
  return `import { sveltekit } from '@sveltejs/kit/vite'
import { sameorigin } from '@sameorigin/sveltekit'
import { createBuilder, preview } from 'vite'
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n')
const log = (level) => (message, options) => send({ level, message: options?.error ? \`\${message} \${options.error}\` : String(message) })
const config = {
  configFile: false,
  envDir: false,
  clearScreen: false,
  logLevel: ${command === 'build' ? "'warn'" : "'info'"},
  customLogger: { hasWarned: false, info: log('info'), warn: log('warn'), warnOnce: log('warn'), error: log('error'), clearScreen: () => {}, hasErrorLogged: () => false },
  preview: { host: '127.0.0.1', port: 0, strictPort: true${http2 ? `, https: ${JSON.stringify(TLS_OPTIONS)}` : ''} },
  plugins: [sveltekit({ files: { appTemplate: 'index.html' } }), sameorigin({ configFile: false, ...${toSource(config)} })],
}
${
  command === 'build'
    ? 'await (await createBuilder(config)).buildApp()'
    : `const server = await preview(config)
send({ port: server.httpServer.address().port })
process.once('SIGTERM', () => server.close().then(() => process.exit(0)))`
}
`
}

/**
 * SvelteKit 3's `vite preview` of a built app (a child process under Node 24), with `sveltekit()` and
 * `sameorigin()` as the Vite plugins and `createHandle()` as the built server's `handle`, each on the
 * block's config. The fixture is built once per run; each block previews it with its own config.
 */
export const sveltekitPreview: Host = defineHost({
  name: 'sveltekit-preview',
  capabilities: {
    ws: true,
    hmr: '`vite preview` serves a build: there is no HMR websocket',
    configReload:
      "in `vite preview` the hook's proxy runs in production mode, where the config is loaded once: an edit reaches the Vite plugin's routes at once, but a request the plugin no longer routes falls through to SvelteKit's hook, which still has the old routes until the preview restarts",
  },
  async start(_fixtureDir, config, options) {
    const node = findNode24('SvelteKit 3', '22.17')
    await ensureBuild(node)
    const dir = await mkdtemp(join(TMP, 'sveltekit-preview-'))
    const remove = () => rm(dir, { recursive: true, force: true })
    try {
      const hookOptions = join(dir, 'hook-options.mjs')
      await writeFile(hookOptions, `export default { configFile: false, ...${toSource(config)} }\n`)
      await writeFile(join(dir, 'preview.mjs'), toRunner(config, options, 'preview'))
      const child = await startChildHost({
        name: 'sveltekit-preview',
        command: node,
        args: [join(dir, 'preview.mjs')],
        cwd: BUILD,
        // NODE_ENV unset, as in a terminal: `vite preview` then sets `production` (vitest's `test` would not).
        env: { ...process.env, NODE_ENV: undefined, SAMEORIGIN_HOOK_OPTIONS: hookOptions },
      })
      return {
        url: hostUrl(child.port, options.http2),
        port: child.port,
        root: BUILD,
        logs: child.logs,
        close: async () => {
          await child.close()
          await remove()
        },
      }
    } catch (error) {
      await remove()
      throw error
    }
  },
})
