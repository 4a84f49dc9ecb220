import { formatRouteTable, loadConfig } from '@sameorigin/core'
import type { NextMode } from '@sameorigin/next'
import { formatLost, toNextRewrites } from '@sameorigin/next'
import { createError } from '@sameorigin/core'
import { EXIT } from '../exit-codes.ts'
import type { CommandDefinition } from '../internal/command.ts'
import { CONFIG_OPTIONS, toLoadConfigOptions } from '../internal/config-options.ts'
import { printJson, printLine } from '../internal/output.ts'
import { routeToJson } from '../internal/route-to-json.ts'

const NEXT_MODES: readonly NextMode[] = ['rewrites', 'route']

/**
 * `sameorigin print`: the resolved route table in match order, or with `--next` the rewrites
 * `withSameOrigin` gives Next (and what they cannot carry), to read or paste.
 */
export const printCommand: CommandDefinition = {
  usage: 'print',
  description: 'Print the resolved routes, or with --next the Next.js rewrites they become',
  options: [
    ...CONFIG_OPTIONS,
    { flags: '--next', description: 'Print the Next.js rewrites (beforeFiles) instead of the route table' },
    {
      flags: '--next-mode <mode>',
      description:
        "With --next: 'rewrites' (every route) or 'route' (the websocket rewrites beside the route handler)",
      default: 'rewrites',
    },
    { flags: '--json', description: 'Print JSON: the routes, or { beforeFiles, lost } with --next' },
  ],
  examples: ['sameorigin print', 'sameorigin print --next', 'sameorigin print --json'],
  run: async (_args, options, ctx) => {
    const mode = String(options.nextMode ?? 'rewrites') as NextMode
    if (!NEXT_MODES.includes(mode))
      throw createError('ERR_CLI_ARGUMENT_INVALID', {
        message: `--next-mode must be ${NEXT_MODES.join(' or ')} (got "${mode}").`,
        hint: 'sameorigin print --next --next-mode route',
      })
    const resolved = await loadConfig(toLoadConfigOptions(ctx, options))
    if (options.next !== true) {
      if (options.json === true) printJson(ctx, resolved.routes.map(routeToJson))
      else printLine(ctx, formatRouteTable(resolved))
      return EXIT.OK
    }
    const plan = toNextRewrites(resolved, mode)
    if (options.json === true) {
      printJson(ctx, { beforeFiles: plan.beforeFiles, lost: plan.lost })
      return EXIT.OK
    }
    // A snippet that can be pasted into next.config.* as it is (withSameOrigin does this for you).
    printLine(ctx, 'async rewrites() {')
    printLine(
      ctx,
      `  return { beforeFiles: ${JSON.stringify(plan.beforeFiles, null, 2).replaceAll('\n', '\n  ')} }`,
    )
    printLine(ctx, '}')
    const lost = formatLost(plan.lost)
    if (lost !== undefined) ctx.stderr.write(`${ctx.colors.yellow(lost)}\n`)
    return EXIT.OK
  },
}
