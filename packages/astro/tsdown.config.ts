import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    middleware: 'src/middleware.ts',
    server: 'src/server.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
  // Served by the integration's Vite plugin in the project's own build, and this package's own
  // `/server` entry (the middleware imports it by name: see options-module.ts), never bundled here.
  deps: { neverBundle: ['virtual:@sameorigin/astro/options', '@sameorigin/astro/server'] },
})
