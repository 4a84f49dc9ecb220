import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    rules: 'src/rules/index.ts',
    rewrite: 'src/rewrite/index.ts',
    // defineConfig, defineRoute and resolveConfig (no node: import), for hosts that run without node:http.
    config: 'src/config/index.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
  // The error pages, one source of truth in docs/errors/, shipped for readErrorPage (sameorigin explain).
  copy: [{ from: '../../docs/errors/*.md', to: 'dist/errors' }],
})
