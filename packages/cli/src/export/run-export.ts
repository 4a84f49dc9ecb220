import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { createError, loadConfig } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import { toLoadConfigOptions } from '../internal/config-options.ts'
import { printJson, printLine } from '../internal/output.ts'
import { formatLosses } from './format-losses.ts'
import { parseExportFlags } from './parse-export-flags.ts'
import { EXPORT_TARGETS } from './targets.ts'
import type { ExportFile } from './types.ts'

/** Reads `file`, or `undefined` when it does not exist. */
async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** The current text of the files a target merges into, by path (absent when there is none). */
async function readExisting(paths: readonly string[], out: string): Promise<Record<string, string>> {
  const entries = await Promise.all(
    paths.map(async (path) => [path, await readIfExists(resolve(out, path))] as const),
  )
  return Object.fromEntries(
    entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  )
}

/** Each file's state against the folder: `written`, or with `check` `current` / `stale` / `missing`. */
async function applyFiles(
  files: readonly ExportFile[],
  out: string,
  check: boolean,
): Promise<{ path: string; status: 'written' | 'current' | 'stale' | 'missing' }[]> {
  return Promise.all(
    files.map(async (file) => {
      const path = resolve(out, file.path)
      if (check) {
        const existing = await readIfExists(path)
        const status = existing === undefined ? 'missing' : existing === file.content ? 'current' : 'stale'
        return { path, status } as const
      }
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, file.content)
      return { path, status: 'written' } as const
    }),
  )
}

/**
 * `sameorigin export <target>`: reads the config in the export's mode, renders the target's files,
 * writes them (or with `--check` compares them with what is there) and prints what the target
 * cannot express. With `--check`, any file that differs or is missing makes the answer no (exit 1).
 */
export async function runExport(
  name: string,
  options: Readonly<Record<string, unknown>>,
  ctx: CommandContext,
): Promise<number> {
  const target = EXPORT_TARGETS[name as keyof typeof EXPORT_TARGETS]
  if (target === undefined)
    throw createError('ERR_CLI_ARGUMENT_INVALID', {
      message: `There is no export target "${name}": use ${Object.keys(EXPORT_TARGETS).join(', ')}.`,
      hint: 'sameorigin export nginx --origin https://app.example.com --static dist',
    })
  const flags = parseExportFlags(name, options)
  const config = await loadConfig({ ...toLoadConfigOptions(ctx, { ...options, mode: flags.mode }) })
  const out = resolve(ctx.cwd, typeof options.out === 'string' ? options.out : '.')
  const existing = await readExisting(target.merges ?? [], out)
  const output = target.render({ ...flags, config, existing })
  const results = await applyFiles(output.files, out, options.check === true)
  const stale = results.filter((result) => result.status === 'stale' || result.status === 'missing')
  if (options.json === true) {
    printJson(ctx, {
      target: name,
      files: results.map((result) => ({ ...result, path: relative(ctx.cwd, result.path) })),
      losses: output.losses,
    })
    return stale.length === 0 ? EXIT.OK : EXIT.NEGATIVE
  }
  const { green, red, yellow } = ctx.colors
  for (const result of results) {
    const shown = relative(ctx.cwd, result.path)
    if (result.status === 'written') printLine(ctx, green(`✓ wrote ${shown}`))
    else if (result.status === 'current') printLine(ctx, green(`✓ ${shown} is what the config gives`))
    else
      printLine(
        ctx,
        red(
          `✗ ${shown} ${result.status === 'missing' ? 'is missing' : 'differs from what the config gives'}`,
        ),
      )
  }
  if (stale.length > 0) printLine(ctx, `run: ${flags.command}`)
  const lost = formatLosses(output.losses)
  if (lost !== undefined) ctx.stderr.write(`${yellow(lost)}\n`)
  return stale.length === 0 ? EXIT.OK : EXIT.NEGATIVE
}
