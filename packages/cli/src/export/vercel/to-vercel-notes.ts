import { toLossLines } from '../to-comment-header.ts'
import type { ExportInput, ExportLoss } from '../types.ts'

/**
 * The page written beside `vercel.json`: JSON has no comments and Vercel's schema refuses unknown
 * keys (a `"//"` key fails the deployment), so where the rewrites came from and what they cannot do
 * is said here.
 */
export function toVercelNotes(input: ExportInput, losses: readonly ExportLoss[]): string {
  const source = input.config.configFile === undefined ? 'the inline config' : 'sameorigin.config'
  const lost = toLossLines(losses)
  return [
    '# vercel.json: the routes of sameorigin.config',
    '',
    `The rewrites to external URLs in \`vercel.json\` are generated from ${source} (mode ${input.mode}) for ${input.origin.origin} by:`,
    '',
    `    ${input.command}`,
    '',
    'Regenerate them rather than edit them; `--check` says whether they are still what the config gives.',
    'The export owns the rewrites whose destination is an `http://` or `https://` URL and writes them first;',
    'the rest of `vercel.json`, and your rewrites to paths of the app (an SPA fallback), are kept.',
    ...(lost.length === 0 ? [] : ['', '## Not expressed', ...lost.slice(2)]),
    '',
  ].join('\n')
}
