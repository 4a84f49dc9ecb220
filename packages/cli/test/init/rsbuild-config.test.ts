// `sameorigin init` on Rsbuild configs: `pluginSameOrigin()` in `plugins`, `server.proxy` (object or
// array, http-proxy-middleware options) moved to sameorigin.config.ts.
import { describe, expect, it } from 'vitest'
import { initConfig } from './_project.ts'

describe('rsbuild config styles', () => {
  it('export default defineConfig({ ... }) with server.proxy as an object', () => {
    const { config, sameorigin } = initConfig(
      'rsbuild',
      'rsbuild.config.ts',
      `import { defineConfig } from '@rsbuild/core'
import { pluginReact } from '@rsbuild/plugin-react'

export default defineConfig({
  plugins: [pluginReact()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from '@rsbuild/core'
      import { pluginReact } from '@rsbuild/plugin-react'
      import { pluginSameOrigin } from '@sameorigin/rsbuild'

      export default defineConfig({
        plugins: [pluginReact(), pluginSameOrigin()],
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/rsbuild'

      export default defineConfig({
        routes: {
          '/api': 'http://localhost:3000',
          '/ws': 'http://localhost:3000',
        },
      })
      "
    `)
  })

  it('defineConfig(({ env }) => { ...; return { ... } }) with server.proxy as an array', () => {
    const { config, sameorigin } = initConfig(
      'rsbuild',
      'rsbuild.config.mjs',
      `import { defineConfig } from '@rsbuild/core'

export default defineConfig(({ env }) => {
  const isDev = env === 'development'
  return {
    html: { title: isDev ? 'dev' : 'app' },
    server: {
      port: 3000,
      proxy: [{ pathFilter: ['/api', '/auth'], target: 'http://localhost:8080', changeOrigin: true }],
    },
  }
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from '@rsbuild/core'
      import { pluginSameOrigin } from '@sameorigin/rsbuild'

      export default defineConfig(({ env }) => {
        const isDev = env === 'development'
        return {
          html: { title: isDev ? 'dev' : 'app' },
          server: {
            port: 3000,
          },
          plugins: [pluginSameOrigin()],
        }
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/rsbuild'

      export default defineConfig({
        routes: {
          '/api': 'http://localhost:8080',
          '/auth': 'http://localhost:8080',
        },
      })
      "
    `)
  })
})
