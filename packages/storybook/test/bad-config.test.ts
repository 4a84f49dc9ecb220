// A bad sameorigin config stops `storybook dev` at its start, with every problem named by its key,
// as a bad `vite.config` stops Vite: experimental_devServer rejects before the builders start.
import { createStorybookProject, startStorybook } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { EXAMPLE_STORY, TMP } from './_project.ts'

describe('a bad config', () => {
  it('fails storybook dev with the error naming the key', async () => {
    const project = await createStorybookProject(TMP, {
      setup: 'vite-10',
      files: {
        ...EXAMPLE_STORY,
        'sameorigin.config.mjs': `export default { routes: { '/api': 'ftp://nowhere' } }\n`,
      },
    })
    onTestFinished(() => project.remove())
    const error = await startStorybook(project).then(
      () => new Error('storybook dev started with a bad config'),
      (reason: unknown) => reason as Error,
    )
    expect(error.message).toMatch(/storybook dev exited \([1-9]\d*\)/)
    expect(error.message).toContain('ProxyError: Invalid sameorigin config (./sameorigin.config.mjs)')
    expect(error.message).toContain("routes['/api']: uses ftp:")
    // Stopped before the builders: no server was listening.
    expect(error.message).not.toContain('Storybook ready')
  })
})
