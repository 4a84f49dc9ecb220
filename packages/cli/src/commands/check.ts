import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import type { ConfigIssue } from '@sameorigin/core'
import { findConfigFile, formatIssues, formatRouteTable, isProxyError, loadConfig } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { CommandDefinition } from '../internal/command.ts'
import { CONFIG_OPTIONS, toLoadConfigOptions } from '../internal/config-options.ts'
import { printError, printJson, printLine } from '../internal/output.ts'
import type { RouteJson } from '../internal/route-to-json.ts'
import { routeToJson } from '../internal/route-to-json.ts'

/** What `sameorigin check --json` prints. */
export interface CheckResult {
  /** `false` when the config cannot be used (errors), or there is none. Warnings keep it `true`. */
  readonly valid: boolean
  readonly configFile: string | null
  readonly routes: readonly RouteJson[]
  /** Every problem found, errors and warnings, each with its code, path, message and fix. */
  readonly issues: readonly ConfigIssue[]
}

/** The config file `loadConfig` reads for these options: `--config`, or the nearest one found. */
function configFileOf(ctx: CommandContext, options: Readonly<Record<string, unknown>>): string | undefined {
  const { configFile, root } = toLoadConfigOptions(ctx, options)
  if (typeof configFile === 'string') return existsSync(configFile) ? configFile : undefined
  return findConfigFile(root ?? ctx.cwd)
}

/** `sameorigin check`: loads the config as the plugins would and prints every problem at once. */
export const checkCommand: CommandDefinition = {
  usage: 'check',
  description: 'Validate sameorigin.config.* (and its .env files) and print every problem',
  options: [
    ...CONFIG_OPTIONS,
    { flags: '--json', description: 'Print { valid, configFile, routes, issues }' },
  ],
  examples: ['sameorigin check', 'sameorigin check --mode staging --json'],
  run: async (_args, options, ctx) => {
    const json = options.json === true
    let result: CheckResult
    try {
      const resolved = await loadConfig(toLoadConfigOptions(ctx, options))
      // No config at all is a warning for a dev server (it starts and proxies nothing) but a failed check.
      const missing = resolved.warnings.some((issue) => issue.code === 'ERR_CONFIG_NOT_FOUND')
      result = {
        valid: !missing,
        configFile: resolved.configFile ?? null,
        routes: resolved.routes.map(routeToJson),
        issues: resolved.warnings,
      }
      if (!json) {
        const { green, yellow, red } = ctx.colors
        const where =
          resolved.configFile === undefined ? 'inline config' : relative(ctx.cwd, resolved.configFile)
        const count = `${resolved.routes.length} route${resolved.routes.length === 1 ? '' : 's'}`
        const problems = resolved.warnings.length
        if (missing) printLine(ctx, red(`✗ no config: ${formatIssues(resolved.warnings)}`))
        else {
          printLine(
            ctx,
            problems === 0
              ? green(`✓ ${where}: ${count}, no problems`)
              : yellow(`✓ ${where}: ${count}, ${problems} warning${problems === 1 ? '' : 's'}`),
          )
          printLine(ctx, formatRouteTable(resolved))
          if (problems > 0) printLine(ctx, yellow(formatIssues(resolved.warnings, resolved.configFile)))
        }
      }
    } catch (error) {
      if (!isProxyError(error)) throw error
      if (!json) {
        printError(ctx, error)
        return EXIT.NEGATIVE
      }
      const issues: readonly ConfigIssue[] =
        error.issues.length > 0
          ? error.issues
          : [{ code: error.code, severity: 'error', path: '', message: error.message, fix: error.hint }]
      // The file was found (its problems are listed): say which, as the success path does.
      result = { valid: false, configFile: configFileOf(ctx, options) ?? null, routes: [], issues }
    }
    if (json) printJson(ctx, result)
    return result.valid ? EXIT.OK : EXIT.NEGATIVE
  },
}
