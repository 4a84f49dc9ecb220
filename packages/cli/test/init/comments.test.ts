// A comment written in a proxy entry says why the entry is there: init moves it with the entry, into
// sameorigin.config.ts, whether that file is new or already has routes.
import { describe, expect, it } from 'vitest'
import { initConfig } from './_project.ts'

const VITE_CONFIG = `import { defineConfig } from 'vite'

export default defineConfig({
  server: {
    proxy: {
      // The orders service: staging until the local one is up
      '/api': {
        target: 'http://localhost:8080',
        /* keeps the Host header the backend's TLS expects */
        changeOrigin: true,
      },
      '/auth': 'http://localhost:9000',
    },
  },
})
`

describe('init keeps the comments of the entries it moves', () => {
  it('into a new sameorigin.config.ts, above the route', () => {
    const { config, sameorigin } = initConfig('vite', 'vite.config.ts', VITE_CONFIG)
    expect(config).not.toContain('proxy')
    expect(sameorigin).toContain(
      [
        '    // The orders service: staging until the local one is up',
        "    /* keeps the Host header the backend's TLS expects */",
        "    '/api': 'http://localhost:8080',",
      ].join('\n'),
    )
  })

  it('into an existing sameorigin.config.ts', () => {
    const { sameorigin } = initConfig('vite', 'vite.config.ts', VITE_CONFIG, {
      'sameorigin.config.ts': `import { defineConfig } from '@sameorigin/vite'

export default defineConfig({
  routes: {
    '/graphql': 'http://localhost:4000',
  },
})
`,
    })
    expect(sameorigin).toContain("'/graphql': 'http://localhost:4000',")
    expect(sameorigin).toMatch(/\/\* The orders service: staging until the local one is up \*\/ /)
    expect(sameorigin).toContain("/* keeps the Host header the backend's TLS expects */ '/api'")
  })

  it('from a Next rewrite', () => {
    const { sameorigin } = initConfig(
      'next',
      'next.config.mjs',
      `export default {
  async rewrites() {
    return [
      // Orders API on staging
      { source: '/api/:path*', /* the same path there */ destination: 'https://staging.example.com/api/:path*' },
    ]
  },
}
`,
    )
    expect(sameorigin).toContain(
      "    // Orders API on staging\n    /* the same path there */\n    '/api': 'https://staging.example.com',",
    )
  })
})
