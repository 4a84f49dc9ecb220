// With `inspector: false` in the config, the preview iframe gets no report client (previewHead) and
// /__sameorigin/ is Storybook's, while the routes still work.
import { request } from '@sameorigin/test-utils'
import { createStorybookProject, startStorybook } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EXAMPLE_STORY, startLargeUpstream, TMP } from './_project.ts'

describe('inspector: false', () => {
  it('leaves the report client out of the preview and serves no inspector', async () => {
    const upstream = await startLargeUpstream()
    onTestFinished(() => upstream.close())
    const project = await createStorybookProject(TMP, {
      setup: 'vite-10',
      files: {
        ...EXAMPLE_STORY,
        'sameorigin.config.mjs': `export default { inspector: false, routes: { '/big': '${upstream.url}' } }\n`,
      },
    })
    onTestFinished(() => project.remove())
    const storybook = await startStorybook(project)
    onTestFinished(() => storybook.close())

    const iframe = await request(`${storybook.url}/iframe.html`)
    expect(iframe.status).toBe(200)
    expect(iframe.body).not.toContain('/__sameorigin/report-client.js')
    expect(storybook.output()).not.toContain('[sameorigin] inspector:')
    expect((await request(`${storybook.url}/__sameorigin/report-client.js`)).status).toBe(404)
    expect((await request(`${storybook.url}/big/json`)).status).toBe(200)
  })
})
