import { defineConfig } from 'tsdown'

export default defineConfig({
  // `cli` is what the bin runs; `index` is the programmatic API (each command as a function).
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
})
