import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { confirm, isCancel } from '@clack/prompts'
import { createError } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import { printLine } from '../internal/output.ts'
import type { Tool } from '../project/detect-project.ts'
import type { InitPlan } from './plan-init.ts'
import { planInit } from './plan-init.ts'
import { relativePath } from './file-change.ts'
import { printInit, printInitHeader, printMoved } from './print-init.ts'
import { readCliVersion } from './read-cli-version.ts'

const TOOLS: readonly Tool[] = [
  'vite',
  'webpack',
  'rspack',
  'rsbuild',
  'next',
  'sveltekit',
  'nuxt',
  'astro',
  'react-router',
]

/** `sameorigin init`'s options, as cac parses them. */
export interface InitCommandOptions {
  readonly yes?: unknown
  readonly tool?: unknown
  readonly dryRun?: unknown
  readonly json?: unknown
}

/**
 * Runs `sameorigin init` in `ctx.cwd`: plans every change, asks before moving proxy entries (only in
 * a terminal, and not with `--yes` or `--json`), writes the files (not with `--dry-run`) and prints
 * the diff and next steps, or the `--json` document. Returns the exit code.
 */
export async function runInit(options: InitCommandOptions, ctx: CommandContext): Promise<number> {
  const json = options.json === true
  const tool = readTool(options.tool)
  const yes = options.yes === true
  const dryRun = options.dryRun === true
  const base = {
    cwd: ctx.cwd,
    version: readCliVersion(),
    env: ctx.env,
    ...(tool === undefined ? {} : { tool }),
  }
  let plan = planInit({ ...base, move: yes })
  let asked = false
  if (!yes && plan.movable > 0 && !json && ctx.stdin.isTTY === true) {
    const full = planInit({ ...base, move: true })
    asked = true
    const answer = await askToMove(ctx, full)
    if (answer === undefined) {
      printLine(ctx, 'Cancelled: nothing was written.')
      return EXIT.NEGATIVE
    }
    if (answer) plan = full
    if (answer && plan.routeHandler?.chosen === true) {
      const route = await askRouteMode(ctx, plan)
      if (route === undefined) {
        printLine(ctx, 'Cancelled: nothing was written.')
        return EXIT.NEGATIVE
      }
      if (!route) plan = planInit({ ...base, move: true, nextMode: 'rewrites' })
    }
  }
  if (!dryRun) writeChanges(plan)
  printInit(ctx, plan, { dryRun, json, header: !asked })
  return EXIT.OK
}

function readTool(value: unknown): Tool | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && (TOOLS as readonly string[]).includes(value)) return value as Tool
  throw createError('ERR_CLI_ARGUMENT_INVALID', {
    message: `--tool must be one of ${TOOLS.join(', ')}; got ${JSON.stringify(value)}.`,
    hint: 'Leave --tool out to detect the tool from package.json and the config files.',
  })
}

/** Shows what would move and asks; `undefined` when the user cancels (Ctrl-C, Escape). */
async function askToMove(ctx: CommandContext, full: InitPlan): Promise<boolean | undefined> {
  printInitHeader(ctx, full)
  printMoved(ctx, full.moved, `These ${full.configFile} proxy entries can move to the sameorigin config:`)
  printLine(ctx)
  return askYesNo(
    ctx,
    `Move ${full.moved.length === 1 ? 'it' : `these ${full.moved.length} entries`} (and take ${full.moved.length === 1 ? 'it' : 'them'} out of ${full.configFile})?`,
  )
}

/** One yes/no question on the command's terminal; `undefined` when the user cancels. */
async function askYesNo(ctx: CommandContext, message: string): Promise<boolean | undefined> {
  const answer = await confirm({ message, input: ctx.stdin, output: ctx.stdout, signal: ctx.signal })
  if (isCancel(answer)) return undefined
  printLine(ctx)
  return answer
}

/**
 * Next: the moved routes need what native rewrites drop. Offers the route handler (yes by default,
 * as `--yes` chooses); `undefined` when the user cancels.
 */
async function askRouteMode(ctx: CommandContext, plan: InitPlan): Promise<boolean | undefined> {
  const handler = plan.routeHandler
  if (handler === undefined) return false
  printLine(ctx, "Next's native rewrites would drop what these routes do:")
  for (const item of handler.needed) printLine(ctx, `  ${item}`)
  const files = handler.files.map((file) => relativePath(ctx.cwd, file.file)).join(', ')
  return askYesNo(
    ctx,
    `Use the route handler instead (withSameOrigin(nextConfig, { mode: 'route' }) and ${files})?`,
  )
}

/** Writes every changed file; the sameorigin config first, so the plugin never finds a missing route file. */
function writeChanges(plan: InitPlan): void {
  const changed = plan.files.filter((file) => file.action !== 'unchanged')
  const ordered = changed.toSorted((a, b) => rank(a.path) - rank(b.path))
  for (const file of ordered) {
    mkdirSync(dirname(file.absolutePath), { recursive: true })
    writeFileSync(file.absolutePath, file.after)
  }
}

function rank(path: string): number {
  return /(^|\/)sameorigin\.config\.[cm]?[jt]s(on)?$/.test(path) ? 0 : path.endsWith('package.json') ? 2 : 1
}
