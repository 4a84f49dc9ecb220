import { isAbsolute, resolve } from 'node:path'
import type { LoadConfigOptions } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import type { OptionDefinition } from './command.ts'

/** `--config` and `--mode`, shared by every command that reads sameorigin.config.*. */
export const CONFIG_OPTIONS: readonly OptionDefinition[] = [
  {
    flags: '-c, --config <file>',
    description: 'Config file to use (default: the nearest sameorigin.config.* from this folder up)',
  },
  {
    flags: '-m, --mode <mode>',
    description: 'Mode: selects .env.[mode] files and is passed to a function config',
    default: 'development',
  },
]

/** The `loadConfig` options for the parsed `--config` and `--mode`. */
export function toLoadConfigOptions(
  ctx: CommandContext,
  options: Readonly<Record<string, unknown>>,
): LoadConfigOptions {
  const file = options.config
  return {
    root: ctx.cwd,
    mode: typeof options.mode === 'string' ? options.mode : 'development',
    command: 'serve',
    ...(typeof file === 'string' ? { configFile: isAbsolute(file) ? file : resolve(ctx.cwd, file) } : {}),
  }
}
