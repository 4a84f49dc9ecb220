import { toCommentHeader } from '../to-comment-header.ts'
import type { ExportInput, ExportLoss } from '../types.ts'
import { NETLIFY_BLOCK } from './netlify-block.ts'
import type { NetlifyRedirect } from './types.ts'

// A JSON string is a TOML basic string: the same quotes and escapes (\" \\ \n \uXXXX ...).
const quote = (text: string): string => JSON.stringify(text)

function toTable(redirect: NetlifyRedirect): string[] {
  const headers = Object.entries(redirect.headers ?? {})
  return [
    '[[redirects]]',
    `from = ${quote(redirect.from)}`,
    `to = ${quote(redirect.to)}`,
    `status = ${redirect.status}`,
    `force = ${redirect.force}`,
    ...(headers.length === 0
      ? []
      : [`headers = { ${headers.map(([key, value]) => `${quote(key)} = ${quote(value)}`).join(', ')} }`]),
    '',
  ]
}

/**
 * The export's part of `netlify.toml`: between its two marker lines, the header comment (where it came
 * from, how to regenerate it, every loss) and one `[[redirects]]` table per rule.
 */
export function toNetlifyBlock(
  input: ExportInput,
  redirects: readonly NetlifyRedirect[],
  losses: readonly ExportLoss[],
): string {
  return [
    NETLIFY_BLOCK.begin,
    toCommentHeader(input, losses, '#').trimEnd(),
    '',
    ...redirects.flatMap(toTable),
    NETLIFY_BLOCK.end,
    '',
  ].join('\n')
}
