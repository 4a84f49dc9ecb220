import { describe, expect, it } from 'vitest'
import { viteFinal } from '../src/preset.ts'

const proxy = { name: 'sameorigin:proxy' }
const react = { name: 'vite:react-babel' }
const storybook = { name: 'storybook:inject-export-order-plugin' }

describe('viteFinal', () => {
  it("takes sameorigin's Vite plugin out of the preview's plugins, nested lists and promises included", async () => {
    const config = {
      root: '/app',
      plugins: [react, [Promise.resolve(proxy), false], Promise.resolve([storybook, null])],
    }
    const final = await viteFinal(config)
    expect(final.plugins).toEqual([react, false, storybook, null])
    expect(final.root).toBe('/app')
  })

  it('leaves a config without plugins as it is', async () => {
    const config: { root: string; plugins?: unknown } = { root: '/app' }
    expect(await viteFinal(config)).toBe(config)
  })
})
