import type { ExportTarget } from '../types.ts'
import { mergeVercelJson } from './merge-vercel-json.ts'
import { toVercelNotes } from './to-vercel-notes.ts'
import { toVercelRewrites } from './to-vercel-rewrites.ts'

/**
 * `sameorigin export vercel`: the routes as `vercel.json` rewrites to the external targets (merged into
 * an existing `vercel.json`), and `sameorigin-export-vercel.md` beside it saying what they cannot do.
 */
export const vercelTarget: ExportTarget = {
  name: 'vercel',
  description: 'vercel.json rewrites to the backends (merged into yours) and a page of what they cannot do',
  merges: ['vercel.json'],
  render: (input) => {
    const { rewrites, losses } = toVercelRewrites(input.config)
    return {
      files: [
        { path: 'vercel.json', content: mergeVercelJson(input.existing?.['vercel.json'], rewrites) },
        { path: 'sameorigin-export-vercel.md', content: toVercelNotes(input, losses) },
      ],
      losses,
    }
  },
}
