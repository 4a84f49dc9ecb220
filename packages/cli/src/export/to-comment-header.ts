import type { ExportInput, ExportLoss } from './types.ts'

/**
 * The comment every exported file opens with, each line behind `prefix` (`#` or `//`): where it
 * came from, how to regenerate and check it, and every behaviour the target cannot express (so a
 * reader of the file sees the losses, not only the terminal). No timestamp: the same config gives
 * the same bytes, which `--check` relies on.
 */
export function toCommentHeader(input: ExportInput, losses: readonly ExportLoss[], prefix: string): string {
  const source = input.config.configFile === undefined ? 'the inline config' : 'sameorigin.config'
  const lines = [
    `Generated from ${source} (mode ${input.mode}) for ${input.origin.origin} by:`,
    `  ${input.command}`,
    'Regenerate it rather than edit it; `--check` says whether it is still what the config gives.',
    ...toLossLines(losses),
  ]
  return `${lines.map((line) => (line === '' ? prefix : `${prefix} ${line}`)).join('\n')}\n`
}

/** The losses as comment lines (empty when there are none): one per behaviour, with why and instead. */
export function toLossLines(losses: readonly ExportLoss[]): string[] {
  if (losses.length === 0) return []
  return [
    '',
    'Not expressed here (the dev proxy does it; this target cannot):',
    ...losses.flatMap((loss) => [
      `- ${loss.route === undefined ? '' : `${loss.route}: `}${loss.behaviour}: ${loss.why}`,
      ...(loss.instead === undefined ? [] : [`  instead: ${loss.instead}`]),
    ]),
  ]
}
