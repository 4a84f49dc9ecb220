import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findNode24, stopChild } from '@sameorigin/test-utils'

const require = createRequire(import.meta.url)
const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
// Projects live in this package (gitignored .tmp), so astro and @astrojs/node resolve from its
// node_modules; each links @sameorigin/astro to this package, as an install would.
const TMP = join(PACKAGE, '.tmp')
const url = (path: string): string => JSON.stringify(pathToFileURL(path).href)

/**
 * The page the tests render: its frontmatter answers what `Astro.locals.serverFetch('/api/me')` got
 * (the upstream echoes what arrived), or the error it threw.
 */
const PAGE = `---
export const prerender = false
let text
try {
  const res = await Astro.locals.serverFetch('/api/me')
  text = res.status + ' ' + (await res.text())
} catch (error) {
  text = 'threw ' + String(error)
}
---
<pre id="answer">{text}</pre>
`

/** An Astro project on disk (a page, the node adapter, `sameorigin(options)` as source), and how to run Astro in it. */
export interface AstroProject {
  readonly root: string
  /** Runs `astro build`; resolves to its exit code and output. */
  readonly build: () => Promise<{ code: number | null; output: string }>
  /** Starts `astro dev`, `astro preview` or the built server (`node dist/server/entry.mjs`). */
  readonly start: (how: 'dev' | 'preview' | 'built') => Promise<RunningServer>
  readonly remove: () => Promise<void>
}

export interface RunningServer {
  readonly url: string
  readonly output: () => string
  readonly close: () => Promise<void>
}

/** Vitest's variables would reach Astro, whose dev server installs no page handler under VITEST. */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: undefined, ASTRO_TELEMETRY_DISABLED: '1' }
}

/** Astro's config with the integration; `options` is JavaScript source (it may hold a function). */
const toConfig = (options: string): string => `import node from ${url(require.resolve('@astrojs/node'))}
import sameorigin from '@sameorigin/astro'
export default {
  adapter: node({ mode: 'standalone' }),
  devToolbar: { enabled: false },
  // A built server names each request by its Host only for these; else \`localhost:<PORT>\`, and PORT is 0 here.
  security: { allowedDomains: [{ hostname: '127.0.0.1' }] },
  integrations: [sameorigin({ configFile: false, ...${options} })],
}
`

/** Writes the project into `.tmp/` with `options` (JavaScript source) for `sameorigin()`. */
export async function createAstroProject(options: string): Promise<AstroProject> {
  // Before anything is written: without a Node for Astro there is nothing to remove.
  const node = findNode24('Astro 7', '22.23')
  await mkdir(TMP, { recursive: true })
  const root = await mkdtemp(join(TMP, 'project-'))
  await mkdir(join(root, 'src/pages'), { recursive: true })
  await mkdir(join(root, 'node_modules/@sameorigin'), { recursive: true })
  await symlink(PACKAGE, join(root, 'node_modules/@sameorigin/astro'))
  await writeFile(join(root, 'package.json'), '{ "type": "module", "private": true }\n')
  await writeFile(join(root, 'astro.config.mjs'), toConfig(options))
  await writeFile(join(root, 'src/pages/me.astro'), PAGE)
  const astro = join(require.resolve('astro/package.json'), '../bin/astro.mjs')
  const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawn(node, args, { cwd: root, env: { ...toChildEnv(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
  return {
    root,
    build: async () => {
      const child = run([astro, 'build'])
      let output = ''
      for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
      const [code] = (await once(child, 'exit')) as [number | null]
      return { code, output }
    },
    start: async (how) => {
      const child =
        how === 'built'
          ? run([join(root, 'dist/server/entry.mjs')], { HOST: '127.0.0.1', PORT: '0' })
          : run([astro, how, '--host', '127.0.0.1', '--port', '0'])
      return waitForUrl(child)
    },
    remove: () => rm(root, { recursive: true, force: true }),
  }
}

/** Resolves once the server prints its address (`Local http://…` or `Server listening on http://…`). */
async function waitForUrl(child: ReturnType<typeof spawn>): Promise<RunningServer> {
  const lines: string[] = []
  const output = (): string => lines.join('\n')
  const close = (): Promise<void> => stopChild(child)
  try {
    const address = await new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout!, child.stderr!]) {
        createInterface({ input: stream }).on('line', (line) => {
          lines.push(line)
          const found = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (found !== undefined && /Local|listening/.test(line)) resolve(found)
        })
      }
      child.once('exit', (code) => reject(new Error(`astro exited (${code}):\n${output()}`)))
    })
    return { url: address, output, close }
  } catch (error) {
    await close()
    throw error
  }
}
