import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, realpathSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { findClosedLoopbackPort } from './listen.ts'
import { stopChild } from './stop-child.ts'

const REPO = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The Storybooks the tests run, each from the workspace package that installs it: Storybook 10.6.7
 * (both builders, React) from `examples/storybook`, Storybook 9.1.21 (Vite builder) from
 * `test/storybook-9`. Each links `@sameorigin/storybook` to the package (its built `dist`).
 */
export const STORYBOOKS = {
  'vite-10': { install: 'examples/storybook', framework: '@storybook/react-vite', addons: [] },
  'webpack-10': {
    install: 'examples/storybook',
    framework: '@storybook/react-webpack5',
    addons: ['@storybook/addon-webpack5-compiler-swc'],
  },
  'vite-9': { install: 'test/storybook-9', framework: '@storybook/react-vite', addons: [] },
} as const

/** One of {@link STORYBOOKS}: a Storybook major and builder. */
export type StorybookSetup = keyof typeof STORYBOOKS

/** What a test's Storybook project holds besides its `.storybook/main.mjs`. */
export interface StorybookProjectOptions {
  readonly setup: StorybookSetup
  /** Files to write, by path relative to the project (stories, `sameorigin.config.mjs`, …). */
  readonly files?: Readonly<Record<string, string>>
  /** The addon's options (`{ configFile }`), as given in `addons`. */
  readonly addonOptions?: Readonly<Record<string, unknown>>
  /** More of the main config, as JavaScript source of object members (`viteFinal: (config) => config,`). */
  readonly main?: string
}

/** A Storybook project in a fresh folder. */
export interface StorybookProject {
  readonly root: string
  readonly setup: StorybookSetup
  readonly remove: () => Promise<void>
}

/**
 * The main config: the stories under `src/`, `@sameorigin/storybook` (with `addonOptions`), the
 * setup's framework and its addons, telemetry off. The framework is named by its folder, as
 * Storybook's `getAbsolutePath` advice for pnpm and monorepos says: Storybook 9 resolves a framework
 * name from its own folder, which in this workspace finds Storybook 10's.
 */
function toMainConfig(options: StorybookProjectOptions, modules: string): string {
  const { addons } = STORYBOOKS[options.setup]
  const framework = realpathSync(join(modules, STORYBOOKS[options.setup].framework))
  const addon =
    options.addonOptions === undefined
      ? "'@sameorigin/storybook'"
      : `{ name: '@sameorigin/storybook', options: ${JSON.stringify(options.addonOptions)} }`
  return `export default {
  stories: ['../src/**/*.stories.@(js|jsx|ts|tsx)'],
  addons: [${[addon, ...addons.map((name) => `'${name}'`)].join(', ')}],
  framework: { name: ${JSON.stringify(framework)}, options: {} },
  core: { disableTelemetry: true },
  ${options.main ?? ''}
}
`
}

/**
 * Writes a Storybook project into a new folder under `parent` (a gitignored `.tmp`): its
 * `node_modules` links each package the setup's workspace package installs (so `storybook`, the
 * framework, React and the addon resolve as in an installed project, while Storybook's and the
 * builders' caches stay in this folder), a `package.json`, `.storybook/main.mjs` and `files`.
 */
export async function createStorybookProject(
  parent: string,
  options: StorybookProjectOptions,
): Promise<StorybookProject> {
  await mkdir(parent, { recursive: true })
  const root = await mkdtemp(join(parent, `${options.setup}-`))
  const modules = join(REPO, STORYBOOKS[options.setup].install, 'node_modules')
  await mkdir(join(root, 'node_modules'))
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue
    await symlink(join(modules, name), join(root, 'node_modules', name))
  }
  await writeFile(join(root, 'package.json'), '{ "type": "module", "private": true }\n')
  await mkdir(join(root, '.storybook'))
  await writeFile(join(root, '.storybook/main.mjs'), toMainConfig(options, modules))
  for (const [path, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  return { root, setup: options.setup, remove: () => rm(root, { recursive: true, force: true }) }
}

/** Storybook's terminal text, plain: colours and OSC 8 hyperlinks (which repeat the URL) taken out. */
export function toPlainText(line: string): string {
  return (
    line
      // oxlint-disable-next-line no-control-regex
      .replace(/\u001b\]8;;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')
      // oxlint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
  )
}

/** The line Storybook 9 and 10 print once the server listens and the builders started: its port. */
export const STORYBOOK_PORT_PATTERN: RegExp = /Local:\s+https?:\/\/[^\s/]+:(\d+)\//

/**
 * How to run `storybook dev` in `root`: the setup's own `storybook` binary under this Node, on a port
 * that was free a moment ago (Storybook refuses `-p 0`; if the port was taken since, it picks another
 * and prints it, so read the port from {@link STORYBOOK_PORT_PATTERN}), `--ci --no-open`, telemetry
 * off, and an environment without Vitest's variables (a Storybook under `VITEST` behaves as a test run).
 */
export async function toStorybookCommand(
  project: Pick<StorybookProject, 'root' | 'setup'>,
  options: StorybookCommandOptions = {},
): Promise<{ command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }> {
  const modules = join(REPO, STORYBOOKS[project.setup].install, 'node_modules')
  const manifest = JSON.parse(readFileSync(join(modules, 'storybook/package.json'), 'utf8')) as {
    bin: string | Record<string, string>
  }
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin.storybook ?? '')
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
  )
  return {
    command: process.execPath,
    args: [
      join(modules, 'storybook', bin),
      'dev',
      '-p',
      String(await findClosedLoopbackPort()),
      '--ci',
      '--no-open',
      ...(options.configDir === undefined ? [] : ['-c', options.configDir]),
    ],
    cwd: project.root,
    env: {
      ...inherited,
      NODE_ENV: undefined,
      STORYBOOK_DISABLE_TELEMETRY: '1',
      BROWSER: 'none',
      ...options.env,
    },
  }
}

/** How {@link toStorybookCommand} runs `storybook dev`, besides the project. */
export interface StorybookCommandOptions {
  /** `-c`: the config folder, relative to the project. @default '.storybook' */
  readonly configDir?: string
  /** Variables over the inherited environment. */
  readonly env?: NodeJS.ProcessEnv
}

/** A running `storybook dev`. */
export interface RunningStorybook {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string
  /** Everything it printed so far (both streams, plain text). */
  readonly output: () => string
  /** Resolves with its exit code once it exits. */
  readonly exited: Promise<number | null>
  /** SIGTERM (SIGKILL after 5 s); resolves once it exited. */
  readonly close: () => Promise<void>
}

/**
 * Starts `storybook dev` in the project (see {@link toStorybookCommand}) and resolves once it printed
 * its local URL. Rejects with everything it printed when it exits first (a bad config) or stays silent
 * past `timeout`; it is stopped then.
 */
export async function startStorybook(
  project: Pick<StorybookProject, 'root' | 'setup'>,
  options: StorybookCommandOptions & {
    /** Receives every line it prints (plain text). */
    readonly onLine?: (line: string) => void
    /** @default 90_000 */
    readonly timeout?: number
  } = {},
): Promise<RunningStorybook> {
  const { command, args, cwd, env } = await toStorybookCommand(project, options)
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const output = (): string => lines.join('\n')
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let timer: NodeJS.Timeout | undefined
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const onLine = (line: string): void => {
        const text = toPlainText(line)
        lines.push(text)
        options.onLine?.(text)
        const printed = STORYBOOK_PORT_PATTERN.exec(text)?.[1]
        if (printed !== undefined) resolve(printed)
      }
      createInterface({ input: child.stdout }).on('line', onLine)
      createInterface({ input: child.stderr }).on('line', onLine)
      const bound = options.timeout ?? 90_000
      timer = setTimeout(
        () => reject(new Error(`storybook dev: not ready in ${bound} ms:\n${output()}`)),
        bound,
      )
      void exited.then((code) => reject(new Error(`storybook dev exited (${code}):\n${output()}`)))
      child.once('error', reject)
    })
    return { url: `http://127.0.0.1:${port}`, output, exited, close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  } finally {
    clearTimeout(timer)
  }
}
