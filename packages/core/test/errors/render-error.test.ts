import { describe, expect, it } from 'vitest'
import { renderErrorHtml } from '../../src/errors/render-error.ts'
import { createError } from '../../src/errors/proxy-error.ts'

describe('renderErrorHtml with the code explained', () => {
  const error = createError('ERR_UPSTREAM_UNREACHABLE', {})
  const page =
    '# T\n\nA hard\nwrapped line.\n\n- an item\n  going on\n- <b>two</b>\n\n```sh\nkeep\nthese\n```\n'

  it('folds the page in, escaped, with paragraphs and list items unwrapped and code kept', () => {
    const html = renderErrorHtml(error, 502, undefined, page)
    expect(html).toContain('<summary>What ERR_UPSTREAM_UNREACHABLE means</summary>')
    expect(html).toContain('A hard wrapped line.')
    expect(html).toContain('- an item going on')
    expect(html).toContain('- &lt;b&gt;two&lt;/b&gt;')
    expect(html).toContain('```sh\nkeep\nthese\n```')
  })

  it('has no explanation block without a page', () => {
    expect(renderErrorHtml(error, 502, undefined)).not.toContain('<details>')
  })
})
