import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    server: 'src/server.ts',
    // Nitro bundles this one itself (the module lists dist/runtime as inline): kept a file of its own.
    'runtime/server-plugin': 'src/runtime/server-plugin.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
  deps: { neverBundle: ['#sameorigin/options'] },
})
