import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findConfigFile, loadConfig } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import { onTestFinished } from 'vitest'
import type { Tool } from '../../src/project/detect-project.ts'
import type { InitPlan } from '../../src/init/plan-init.ts'
import { planInit } from '../../src/init/plan-init.ts'

/** The version init is given in direct calls: the range it writes is `^1.2.3`. */
export const VERSION = '1.2.3'

/** The dependency that makes each tool detected. */
const TOOL_DEPENDENCIES: Readonly<Record<Tool, Record<string, string>>> = {
  vite: { vite: '^8.3.0' },
  webpack: { webpack: '^5.112.0', 'webpack-dev-server': '^5.2.0' },
  rspack: { '@rspack/core': '^2.3.0', '@rspack/cli': '^2.2.0' },
  rsbuild: { '@rsbuild/core': '^2.3.0' },
  next: { next: '^16.4.0' },
  sveltekit: { '@sveltejs/kit': '^3.4.0', vite: '^8.4.0' },
  nuxt: { nuxt: '^4.6.0' },
  astro: { astro: '^7.4.0' },
  'react-router': { '@react-router/dev': '^8.5.0', vite: '^8.4.0' },
  angular: { '@angular/build': '^22.2.7', '@angular/cli': '^22.2.7' },
  storybook: { storybook: '^10.6.7', '@storybook/react-vite': '^10.6.7', vite: '^8.4.0' },
}

/**
 * A project folder in the system's temp dir with `files` (path → text), removed when the test ends.
 * It holds a `.git` folder, which marks it as a repository root: the sameorigin config search stops
 * there and never finds a stray file in a parent folder.
 */
export function makeProject(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'sameorigin-init-'))
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  mkdirSync(join(root, '.git'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

/** A package.json that makes `tool` detected, as package managers write it. */
export function packageJsonFor(tool: Tool, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name: 'app', private: true, ...extra, devDependencies: TOOL_DEPENDENCIES[tool] }, null, 2)}\n`
}

/** What init made of one config file. */
export interface Edited {
  readonly plan: InitPlan
  /** The tool config after init. */
  readonly config: string
  /** The sameorigin config (`sameorigin.config.ts` unless the project has another) after init. */
  readonly sameorigin: string
  readonly root: string
}

/**
 * Runs init's planning (moving entries, as `--yes` does) on a project holding only package.json and
 * the config file `name` with `code`.
 */
export function initConfig(
  tool: Tool,
  name: string,
  code: string,
  files: Readonly<Record<string, string>> = {},
): Edited {
  const root = makeProject({ 'package.json': packageJsonFor(tool), [name]: code, ...files })
  const plan = planInit({ cwd: root, move: true, version: VERSION, tool })
  const sameorigin = plan.files.find((file) => file.path.startsWith('sameorigin.config.'))?.after ?? ''
  return { plan, config: after(plan, name), sameorigin, root }
}

/** The text a file has after the plan (its path relative to the project). */
export function after(plan: InitPlan, path: string): string {
  const file = plan.files.find((candidate) => candidate.path === path)
  if (file === undefined)
    throw new Error(`init plans no ${path}: ${plan.files.map((f) => f.path).join(', ')}`)
  return file.after
}

/** Writes every planned file, as the command does. */
export function writePlan(plan: InitPlan): void {
  for (const file of plan.files) if (file.action !== 'unchanged') writeFileSync(file.absolutePath, file.after)
}

/** Reads a file of a project. */
export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8')
}

/**
 * Loads the sameorigin.config.* init wrote, as the adapters do. The file imports `defineConfig` from
 * the adapter package (what users install); the adapters re-export it from the core, which these
 * tests load directly, so the import is pointed at the core for loading only.
 */
export async function loadWrittenConfig(root: string): Promise<ResolvedConfig> {
  const file = findConfigFile(root)
  if (file !== undefined) {
    const text = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      text.replace(
        /from (['"])@sameorigin\/(vite|webpack|rsbuild|next|sveltekit|nuxt|astro|angular|storybook)\1/,
        'from $1@sameorigin/core$1',
      ),
    )
  }
  return loadConfig({ root })
}
