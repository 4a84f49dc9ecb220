import type { ExportTarget } from '../types.ts'
import { mergeNetlifyToml } from './merge-netlify-toml.ts'
import { toNetlifyBlock } from './to-netlify-block.ts'
import { toNetlifyRedirects } from './to-netlify-redirects.ts'

/**
 * `sameorigin export netlify`: the routes as forced proxy rules in `netlify.toml` (the only place a rule
 * can set request headers), in a marked block merged into an existing `netlify.toml`.
 */
export const netlifyTarget: ExportTarget = {
  name: 'netlify',
  description: 'netlify.toml proxy rules (status 200, force) to the backends, merged into yours',
  merges: ['netlify.toml'],
  render: (input) => {
    const { redirects, losses } = toNetlifyRedirects(input.config)
    const block = toNetlifyBlock(input, redirects, losses)
    return {
      files: [{ path: 'netlify.toml', content: mergeNetlifyToml(input.existing?.['netlify.toml'], block) }],
      losses,
    }
  },
}
