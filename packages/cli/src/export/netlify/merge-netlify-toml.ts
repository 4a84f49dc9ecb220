import { createError } from '@sameorigin/core'
import { NETLIFY_BLOCK } from './netlify-block.ts'

/** Refuses to edit: the file is left as it is. */
function fail(message: string): never {
  throw createError('ERR_CLI_CONFIG_EDIT_FAILED', {
    message,
    hint: 'Fix netlify.toml, or move it away and run the export again; nothing was written.',
  })
}

/**
 * `netlify.toml` with the export's block in it, the rest of the file untouched (no TOML library: the
 * block is text between two marker lines). The block replaces the previous one where it is; the
 * first time, it goes before the user's first `[[redirects]]` (so the routes run before an SPA
 * fallback), or at the end. Nothing changes when the block is current, so `--check` compares it.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` when the file writes `redirects = [...]` inline
 * (tables cannot be added to it) or holds one marker without the other.
 */
export function mergeNetlifyToml(existing: string | undefined, block: string): string {
  if (existing === undefined) return block
  const lines = existing.split('\n')
  const begin = lines.indexOf(NETLIFY_BLOCK.begin)
  const end = lines.indexOf(NETLIFY_BLOCK.end)
  if ((begin === -1) !== (end === -1) || end < begin)
    fail(`netlify.toml holds one of the export's marker lines without the other ("${NETLIFY_BLOCK.begin}").`)
  const blockLines = block.replace(/\n$/, '').split('\n')
  if (begin !== -1) return [...lines.slice(0, begin), ...blockLines, ...lines.slice(end + 1)].join('\n')
  if (lines.some((line) => /^\s*redirects\s*=/.test(line)))
    fail(
      'netlify.toml writes its redirects as an inline list (redirects = [...]): write them as [[redirects]] tables.',
    )
  let first = lines.findIndex((line) => /^\s*\[\[\s*redirects\s*\]\]/.test(line))
  if (first === -1) return `${existing.replace(/\n*$/, '\n')}\n${block}`
  // The comment lines just above the user's rule are about it: the block goes before them.
  while (first > 0 && /^\s*#/.test(lines[first - 1] ?? '')) first--
  return [...lines.slice(0, first), ...blockLines, '', ...lines.slice(first)].join('\n')
}
