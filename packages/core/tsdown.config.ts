import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    rules: 'src/rules/index.ts',
    rewrite: 'src/rewrite/index.ts',
    // defineConfig, defineRoute and resolveConfig (no node: import), for hosts that run without node:http.
    config: 'src/config/index.ts',
    // The doctor's checks (node:http, node:dns): `sameorigin doctor` and a dev server's report of a blocked call.
    doctor: 'src/doctor/index.ts',
    // The Fetch transport: `fetch` (no node: import; the runtime's fetch) for the `default` condition,
    // `fetch-node` (the Node client, error pages from disk) for the `node` condition.
    fetch: 'src/fetch/index.ts',
    'fetch-node': 'src/fetch/node.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  dts: true,
  clean: true,
  // The error pages, one source of truth in docs/errors/, shipped for readErrorPage (sameorigin explain).
  // The report client (plain JavaScript run in the page, dev only) beside the bundle: readReportClient.
  copy: [
    { from: '../../docs/errors/*.md', to: 'dist/errors' },
    { from: 'src/report/client/report-client.*', to: 'dist/client' },
  ],
})
