import { isDeepStrictEqual } from 'node:util'
import { createError } from '@sameorigin/core'
import type { ParseError } from 'jsonc-parser'
import { applyEdits, modify, parse, printParseErrorCode } from 'jsonc-parser'
import type { VercelRewrite } from './types.ts'

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' } as const

/**
 * The rewrites the export owns: those to an external URL (`https://…`). The routes to backends
 * belong in the sameorigin config; a rewrite to a path of the app (an SPA fallback) is the user's.
 */
function isOwned(rewrite: unknown): boolean {
  const destination = (rewrite as { destination?: unknown } | null)?.destination
  return typeof destination === 'string' && /^https?:\/\//i.test(destination)
}

/**
 * `vercel.json` with `rewrites` holding the export's rewrites first (so they run before the user's own,
 * an SPA fallback last of all) and the user's other rewrites after them in their order; every other
 * key, comment and format kept. Nothing changes when the owned rewrites are already these, so
 * `--check` compares what the export owns.
 * @throws ProxyError `ERR_CLI_CONFIG_EDIT_FAILED` when the file does not parse, `rewrites` is not a
 * list, or the file has `routes` (Vercel accepts no `rewrites` beside them).
 */
export function mergeVercelJson(existing: string | undefined, rewrites: readonly VercelRewrite[]): string {
  if (existing === undefined) return `${JSON.stringify({ rewrites }, null, 2)}\n`
  const errors: ParseError[] = []
  const current = parse(existing, errors, { allowTrailingComma: true }) as unknown
  const list = (current as { rewrites?: unknown } | null)?.rewrites ?? []
  if (errors.length > 0 || typeof current !== 'object' || current === null || !Array.isArray(list))
    throw createError('ERR_CLI_CONFIG_EDIT_FAILED', {
      message:
        errors.length > 0
          ? `vercel.json does not parse (${printParseErrorCode(errors[0]!.error)} at offset ${errors[0]!.offset}).`
          : 'vercel.json is not an object with a "rewrites" list.',
      hint: 'Fix vercel.json, or move it away and run the export again; nothing was written.',
    })
  // Vercel refuses `routes` beside `rewrites`: the file's routing is written the older way.
  if ((current as { routes?: unknown }).routes !== undefined)
    throw createError('ERR_CLI_CONFIG_EDIT_FAILED', {
      message: 'vercel.json routes with "routes", which Vercel does not accept beside "rewrites".',
      hint: 'Move those routes to "rewrites", "redirects" and "headers", then run the export again; nothing was written.',
    })
  const kept = (list as unknown[]).filter((rewrite) => !isOwned(rewrite))
  const next = [...rewrites, ...kept]
  if (isDeepStrictEqual(list, next)) return existing
  return applyEdits(existing, modify(existing, ['rewrites'], next, { formattingOptions: FORMAT }))
}
