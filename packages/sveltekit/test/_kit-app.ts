import { spawn, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { findNode24, stopChild } from '@sameorigin/test-utils'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
/** Apps live in the package, so `@sveltejs/kit`, `svelte` and `vite` resolve from its node_modules. */
const TMP = join(PACKAGE, '.tmp')
/** Where the apps find this package by its name, as an installed one: `.tmp/node_modules`. */
const LINK = join(TMP, 'node_modules/@sameorigin/sveltekit')

/** A SvelteKit app's files (path → content) besides the ones every app has. */
export type AppFiles = Readonly<Record<string, string>>

/** The `/ssr` page: its load function fetches `/api/me` with SvelteKit's `fetch` and renders the name. */
export const SSR_PAGE: AppFiles = {
  'src/routes/ssr/+page.server.js': `export async function load({ fetch }) {
  const res = await fetch('/api/me')
  return { name: res.ok ? (await res.json()).name : 'anonymous' }
}
`,
  'src/routes/ssr/+page.svelte': `<script>let { data } = $props()</script>\n<p id="ssr-user">{data.name}</p>\n`,
  'src/routes/+page.svelte': '<p id="home">home</p>\n',
}

/** A SvelteKit app in a fresh folder under `.tmp/`, and how to remove it. */
export async function createKitApp(files: AppFiles): Promise<{ dir: string; remove: () => Promise<void> }> {
  if (!existsSync(LINK)) {
    await mkdir(dirname(LINK), { recursive: true })
    await symlink(PACKAGE, LINK, 'dir')
  }
  const dir = await mkdtemp(join(TMP, 'app-'))
  const all: AppFiles = {
    'package.json': '{ "private": true, "type": "module" }\n',
    'src/app.html':
      '<!doctype html>\n<html><head>%sveltekit.head%</head><body>%sveltekit.body%</body></html>\n',
    ...SSR_PAGE,
    ...files,
  }
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** `vite.config.js` with `sveltekit()` and, when `withPlugin`, this package's `sameorigin()`. */
export function toViteConfig(withPlugin: boolean): string {
  return `import { sveltekit } from '@sveltejs/kit/vite'
${withPlugin ? "import { sameorigin } from '@sameorigin/sveltekit'\n" : ''}export default { plugins: [sveltekit()${withPlugin ? ', sameorigin()' : ''}] }
`
}

const node = (): string => findNode24('SvelteKit 3', '22.17')
const vite = (): string => join(PACKAGE, 'node_modules/vite/bin/vite.js')

/** Runs `vite build` in the app (under Node 24), failing with its output. */
export function buildKitApp(dir: string): void {
  const { status, stdout, stderr } = spawnSync(node(), [vite(), 'build'], { cwd: dir, encoding: 'utf8' })
  if (status !== 0) throw new Error(`vite build failed (${status}):\n${stdout}\n${stderr}`)
}

/** A running `vite dev` or `vite preview`: its origin, what it printed, and how to stop it. */
export interface KitServer {
  readonly url: string
  readonly output: string[]
  readonly close: () => Promise<void>
}

/** Starts `vite <command>` in the app on 127.0.0.1 and a free port, under Node 24. */
export async function startKit(
  dir: string,
  command: 'dev' | 'preview',
  env: NodeJS.ProcessEnv = {},
): Promise<KitServer> {
  const child = spawn(node(), [vite(), command, '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: dir,
    // NODE_ENV as a terminal has it: unset (vitest's `test` would make a preview run in development).
    env: { ...process.env, NODE_ENV: undefined, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`vite ${command}: no URL:\n${output.join('\n')}`)),
        60_000,
      )
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          output.push(line)
          const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (local !== undefined) {
            clearTimeout(timer)
            resolve(local)
          }
        })
      }
      child.once('exit', (code) =>
        reject(new Error(`vite ${command} exited (${code}):\n${output.join('\n')}`)),
      )
    })
    return { url: origin, output, close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
