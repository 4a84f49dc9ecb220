// `sameorigin init` on Vite configs written in every common style: the plugin lands in `plugins`,
// `server.proxy` entries move to sameorigin.config.ts, and the rest of the file is left as written.
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { initConfig, VERSION, writePlan } from './_project.ts'

describe('vite config styles', () => {
  it('export default defineConfig({ ... }) (the create-vite template)', () => {
    const { config, sameorigin, plan } = initConfig(
      'vite',
      'vite.config.ts',
      `import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  server: {
    port: 3000,
    proxy: {
      '/api': {
        target: 'http://localhost:8080',
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\\/api/, ''),
      },
      '/auth': 'http://localhost:9000',
    },
  },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from 'vite'
      import react from '@vitejs/plugin-react'
      import { sameorigin } from '@sameorigin/vite'

      // https://vite.dev/config/
      export default defineConfig({
        plugins: [react(), sameorigin()],
        server: {
          port: 3000,
        },
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite'

      export default defineConfig({
        routes: {
          '/api': { target: 'http://localhost:8080', rewrite: '/:path*' },
          '/auth': 'http://localhost:9000',
        },
      })
      "
    `)
    expect(plan.moved.map((entry) => entry.from)).toEqual(["server.proxy['/api']", "server.proxy['/auth']"])
    expect(plan.kept).toEqual([])
  })

  it('export default { ... } without plugins (a plain object, .mjs)', () => {
    const { config, sameorigin } = initConfig(
      'vite',
      'vite.config.mjs',
      `export default {
  server: {
    proxy: {
      '^/v\\\\d+/': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
}
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { sameorigin } from '@sameorigin/vite'

      export default {
        plugins: [sameorigin()],
      }
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite'

      export default defineConfig({
        routes: {
          '^/v\\\\d+/': 'http://127.0.0.1:4000',
        },
      })
      "
    `)
  })

  it('defineConfig(({ mode }) => ({ ... })): a function config with an expression body', () => {
    const { config, sameorigin } = initConfig(
      'vite',
      'vite.config.ts',
      `import { defineConfig } from 'vite'

export default defineConfig(({ mode }) => ({
  base: mode === 'production' ? '/app/' : '/',
  server: { proxy: { '/api': 'http://localhost:8080/v1' } },
}))
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from 'vite'
      import { sameorigin } from '@sameorigin/vite'

      export default defineConfig(({ mode }) => ({
        base: mode === 'production' ? '/app/' : '/',
        plugins: [sameorigin()],
      }))
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite'

      export default defineConfig({
        routes: {
          '/api': { target: 'http://localhost:8080/v1', rewrite: '/api/:path*' },
        },
      })
      "
    `)
  })

  it('defineConfig(({ mode }) => { ...; return { ... } }): a function config with a body', () => {
    const { config, sameorigin, plan } = initConfig(
      'vite',
      'vite.config.ts',
      `import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv } from 'vite'

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '')
  return {
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target: process.env.API_URL ?? 'http://localhost:8080', changeOrigin: true },
        '/files': { target: env.FILES_URL, changeOrigin: true },
      },
    },
  }
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import react from '@vitejs/plugin-react'
      import { defineConfig, loadEnv } from 'vite'
      import { sameorigin } from '@sameorigin/vite'

      export default defineConfig(({ mode }) => {
        const env = loadEnv(mode, process.cwd(), '')
        return {
          plugins: [react(), sameorigin()],
          server: {
            proxy: {
              '/files': { target: env.FILES_URL, changeOrigin: true },
            },
          },
        }
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite'

      export default defineConfig({
        routes: {
          '/api': { target: '\${API_URL:-http://localhost:8080}', rewrite: '/api/:path*' },
        },
      })
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: "server.proxy['/files']",
        reason:
          "target: `env.FILES_URL` is computed when the config runs; sameorigin.config.ts reads variables itself: target: '${API_URL}'",
      },
    ])
  })

  it('const config = { ... } satisfies UserConfig; export default config', () => {
    const { config } = initConfig(
      'vite',
      'vite.config.ts',
      `import type { UserConfig } from 'vite'

const plugins = []

const config = {
  plugins,
  server: { port: 4000 },
} satisfies UserConfig

export default config
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import type { UserConfig } from 'vite'
      import { sameorigin } from '@sameorigin/vite'

      const plugins = [sameorigin()]

      const config = {
        plugins,
        server: { port: 4000 },
      } satisfies UserConfig

      export default config
      "
    `)
  })

  it('CommonJS: module.exports = defineConfig({ ... }) with require', () => {
    const { config, sameorigin } = initConfig(
      'vite',
      'vite.config.cjs',
      `const { defineConfig } = require('vite');
const react = require('@vitejs/plugin-react');

module.exports = defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'https://staging.example.com', changeOrigin: true, secure: false },
    },
  },
});
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "const { defineConfig } = require('vite');
      const react = require('@vitejs/plugin-react');
      const { sameorigin } = require('@sameorigin/vite');

      module.exports = defineConfig({
        plugins: [react(), sameorigin()],
      });
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite';

      export default defineConfig({
        routes: {
          '/api': { target: 'https://staging.example.com', secure: false },
        },
      });
      "
    `)
  })

  it('moves preview.proxy entries that repeat server.proxy, and keeps the ones only preview has', () => {
    const { config, sameorigin, plan } = initConfig(
      'vite',
      'vite.config.ts',
      `import { defineConfig } from 'vite'

export default defineConfig({
  server: { proxy: { '/api': 'http://localhost:8080' } },
  preview: { proxy: { '/api': 'http://localhost:8080', '/metrics': 'http://localhost:9100' } },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from 'vite'
      import { sameorigin } from '@sameorigin/vite'

      export default defineConfig({
        preview: { proxy: { '/metrics': 'http://localhost:9100' } },
        plugins: [sameorigin()],
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/vite'

      export default defineConfig({
        routes: {
          '/api': 'http://localhost:8080',
        },
      })
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: "preview.proxy['/metrics']",
        reason: "it is only in preview.proxy; sameorigin's routes serve vite dev and vite preview alike",
      },
    ])
  })

  it('reuses an existing import of the plugin (the default import the Vite convention uses)', () => {
    const { config } = initConfig(
      'vite',
      'vite.config.ts',
      `import sameorigin from '@sameorigin/vite'
import { defineConfig } from 'vite'

export default defineConfig({ plugins: [] })
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import sameorigin from '@sameorigin/vite'
      import { defineConfig } from 'vite'

      export default defineConfig({ plugins: [sameorigin()] })
      "
    `)
  })

  it('is idempotent: a second run changes nothing and says the project is set up', () => {
    const first = initConfig(
      'vite',
      'vite.config.ts',
      `import { defineConfig } from 'vite'

export default defineConfig({
  server: { proxy: { '/api': 'http://localhost:8080', '/old': { target: 'http://x', bypass: () => undefined } } },
})
`,
    )
    writePlan(first.plan)
    const second = planInit({ cwd: first.root, move: true, version: VERSION })
    expect(second.files.map((file) => file.action)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(second.alreadySetUp).toBe(true)
    expect(second.moved).toEqual([])
    // The entry sameorigin refuses is still reported, with its reason, on every run.
    expect(second.kept.map((entry) => entry.from)).toEqual(["server.proxy['/old']"])
  })
})
