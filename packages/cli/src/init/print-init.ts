import type { CommandContext } from '../context.ts'
import { printJson, printLine } from '../internal/output.ts'
import { colorDiff } from './format-diff.ts'
import type { MovedEntry } from './move-entries.ts'
import { NOT_MOVED_REASON } from './move-entries.ts'
import type { InitPlan } from './plan-init.ts'
import { TOOL_LABEL } from './plugin-wiring.ts'

/** The `--json` document: one per run, on stdout. */
export interface InitJson {
  readonly tool: string
  readonly dryRun: boolean
  readonly files: readonly { readonly path: string; readonly action: string; readonly diff: string }[]
  readonly moved: InitPlan['moved']
  readonly kept: InitPlan['kept']
  /** Next only: `'route'` when init chose the route handler, else `'rewrites'`. */
  readonly nextMode?: 'rewrites' | 'route'
  /** Next only: what native rewrites would drop of the moved routes (why route mode was chosen). */
  readonly routeHandlerNeeded?: readonly string[]
  readonly nextSteps: InitPlan['nextSteps']
}

/** The plan as the `--json` document. */
export function toInitJson(plan: InitPlan, dryRun: boolean): InitJson {
  return {
    tool: plan.tool,
    dryRun,
    files: plan.files.map(({ path, action, diff }) => ({ path, action, diff })),
    moved: plan.moved,
    kept: plan.kept,
    ...(plan.tool === 'next'
      ? {
          nextMode: plan.routeHandler?.chosen === true ? ('route' as const) : ('rewrites' as const),
          routeHandlerNeeded: plan.routeHandler?.needed ?? [],
        }
      : {}),
    nextSteps: plan.nextSteps,
  }
}

/** Prints the result of init: a diff per changed file, the entries moved and kept, the next steps. */
export function printInit(
  ctx: CommandContext,
  plan: InitPlan,
  options: { readonly dryRun: boolean; readonly json: boolean; readonly header: boolean },
): void {
  if (options.json) {
    printJson(ctx, toInitJson(plan, options.dryRun))
    return
  }
  const { dryRun } = options
  const { bold, dim, green, yellow } = ctx.colors
  const changed = plan.files.filter((file) => file.action !== 'unchanged')
  if (options.header) printInitHeader(ctx, plan)
  if (changed.length === 0) {
    printLine(ctx)
    printLine(ctx, `${green('✔')} Already set up: nothing to change.`)
  }
  for (const file of changed) {
    printLine(ctx)
    printLine(ctx, colorDiff(file.diff.trimEnd(), ctx.colors))
  }
  printMoved(ctx, plan.moved)
  const refused = plan.kept.filter((entry) => entry.reason !== NOT_MOVED_REASON)
  if (refused.length > 0) {
    printLine(ctx)
    printLine(ctx, bold(`Kept in ${plan.configFile}:`))
    for (const entry of refused) printLine(ctx, `  ${yellow(entry.from)}: ${entry.reason}`)
  }
  printRouteHandler(ctx, plan)
  if (plan.movable > 0) {
    printLine(ctx)
    printLine(ctx, bold(`Not moved (run with --yes to move ${plan.movable === 1 ? 'it' : 'them'}):`))
    for (const entry of plan.kept) if (entry.reason === NOT_MOVED_REASON) printLine(ctx, `  ${entry.from}`)
  }
  if (changed.length > 0) {
    printLine(ctx)
    const written = changed.map((file) => file.path).join(', ')
    printLine(
      ctx,
      dryRun ? dim(`Dry run: nothing was written (${written}).`) : `${green('✔')} Wrote ${written}.`,
    )
  }
  printLine(ctx)
  printLine(ctx, bold('Next steps:'))
  plan.nextSteps.forEach((step, index) => printLine(ctx, `  ${index + 1}. ${step}`))
}

/** `sameorigin init Vite (vite.config.ts)`: the first line of the output. */
export function printInitHeader(ctx: CommandContext, plan: InitPlan): void {
  const { bold, dim } = ctx.colors
  printLine(ctx, `${bold('sameorigin init')} ${dim(`${TOOL_LABEL[plan.tool]} (${plan.configFile})`)}`)
}

/** The entries that move, each with the routes it becomes (also shown before asking). */
export function printMoved(
  ctx: CommandContext,
  moved: readonly MovedEntry[],
  heading = 'Moved to the sameorigin config:',
): void {
  if (moved.length === 0) return
  const { bold, green } = ctx.colors
  printLine(ctx)
  printLine(ctx, bold(heading))
  for (const entry of moved) printLine(ctx, `  ${entry.from} ${green('→')} ${entry.routes.join(', ')}`)
}

/** Next: why the route handler was chosen (or could not be), and what rewrites would have dropped. */
function printRouteHandler(ctx: CommandContext, plan: InitPlan): void {
  const handler = plan.routeHandler
  if (handler === undefined) return
  const { bold, yellow } = ctx.colors
  printLine(ctx)
  printLine(
    ctx,
    bold(
      handler.chosen
        ? "Route handler mode (withSameOrigin(nextConfig, { mode: 'route' })): native rewrites would drop"
        : 'Native rewrites: these routes lose what only the route handler does',
    ),
  )
  for (const item of handler.needed) printLine(ctx, `  ${item}`)
  if (handler.unusable !== undefined)
    printLine(ctx, yellow(`  Route handler not written: ${handler.unusable}; see @sameorigin/next's README.`))
}
