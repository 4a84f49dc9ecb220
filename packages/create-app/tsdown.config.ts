import { defineConfig } from 'tsdown'

// One bundle for the bin (index.js imports it); no types: nothing imports this package.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: false,
  clean: true,
})
