import { defineConfig } from 'tsdown'

export default defineConfig({
  // `builder`: what builders.json names (Architect loads its default export); `index`: the API.
  entry: { index: 'src/index.ts', builder: 'src/builder.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
  deps: { neverBundle: ['@angular/build', '@angular/build/private', '@angular-devkit/architect'] },
})
