// `sameorigin init` on webpack and Rspack configs: `new SameOriginPlugin()` in `plugins` (the
// README's way), `devServer.proxy` entries (http-proxy-middleware's shape) moved to
// sameorigin.config.ts, in CommonJS, ESM, TypeScript and function configs.
import { describe, expect, it } from 'vitest'
import { initConfig } from './_project.ts'

describe('webpack config styles', () => {
  it('CommonJS module.exports = { ... } with a devServer.proxy array', () => {
    const { config, sameorigin, plan } = initConfig(
      'webpack',
      'webpack.config.js',
      `const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = {
  entry: './src/index.js',
  output: { path: path.resolve(__dirname, 'dist') },
  plugins: [new HtmlWebpackPlugin({ template: './index.html' })],
  devServer: {
    port: 8080,
    proxy: [
      {
        context: ['/api', '/auth'],
        target: 'http://localhost:3000',
        pathRewrite: { '^/api': '' },
        changeOrigin: true,
      },

      // Reports go to the old server.
      {
        context: ['/reports'],
        target: 'http://localhost:5000',
        bypass: (req) => (req.headers.accept.includes('html') ? '/index.html' : undefined),
      },
    ],
  },
};
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "const path = require('path');
      const HtmlWebpackPlugin = require('html-webpack-plugin');
      const { SameOriginPlugin } = require('@sameorigin/webpack');

      module.exports = {
        entry: './src/index.js',
        output: { path: path.resolve(__dirname, 'dist') },
        plugins: [new HtmlWebpackPlugin({ template: './index.html' }), new SameOriginPlugin()],
        devServer: {
          port: 8080,
          proxy: [
            // Reports go to the old server.
            {
              context: ['/reports'],
              target: 'http://localhost:5000',
              bypass: (req) => (req.headers.accept.includes('html') ? '/index.html' : undefined),
            },
          ],
        },
      };
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/webpack';

      export default defineConfig({
        routes: {
          '/api': { target: 'http://localhost:3000', rewrite: '/:path*' },
          '/auth': 'http://localhost:3000',
        },
      });
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: 'devServer.proxy[1]',
        reason:
          'bypass is not supported: choose which requests are proxied with `methods` or `matchHeaders` (page loads can stay on the dev server)',
      },
    ])
  })

  it('ESM export default (env, argv) => { ...; return { ... } } (the function form)', () => {
    const { config, sameorigin } = initConfig(
      'webpack',
      'webpack.config.mjs',
      `import HtmlWebpackPlugin from 'html-webpack-plugin'

export default (_env, argv) => {
  const mode = argv.mode ?? 'development'
  return {
    mode,
    plugins: [
      new HtmlWebpackPlugin(),
    ],
    devServer: {
      proxy: [{ context: '/api/**', target: 'http://127.0.0.1:4020', ws: true }],
    },
  }
}
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import HtmlWebpackPlugin from 'html-webpack-plugin'
      import { SameOriginPlugin } from '@sameorigin/webpack'

      export default (_env, argv) => {
        const mode = argv.mode ?? 'development'
        return {
          mode,
          plugins: [
            new HtmlWebpackPlugin(),
            new SameOriginPlugin(),
          ],
        }
      }
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/webpack'

      export default defineConfig({
        routes: {
          '/api': 'http://127.0.0.1:4020',
        },
      })
      "
    `)
  })

  it('TypeScript: const config: Configuration = { ... }; export default config', () => {
    const { config } = initConfig(
      'webpack',
      'webpack.config.ts',
      `import type { Configuration } from 'webpack'

const config: Configuration = {
  mode: 'development',
  entry: './src/main.ts',
}

export default config
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import type { Configuration } from 'webpack'
      import { SameOriginPlugin } from '@sameorigin/webpack'

      const config: Configuration = {
        mode: 'development',
        entry: './src/main.ts',
        plugins: [new SameOriginPlugin()],
      }

      export default config
      "
    `)
  })

  it('the legacy object form of devServer.proxy (webpack-dev-server 4)', () => {
    const { config, sameorigin } = initConfig(
      'webpack',
      'webpack.config.js',
      `module.exports = {
  devServer: {
    proxy: {
      '/api': { target: 'http://localhost:3000', pathRewrite: { '^/api': '/v2' }, secure: false },
      '/status': 'http://localhost:3001',
    },
  },
}
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "const { SameOriginPlugin } = require('@sameorigin/webpack')

      module.exports = {
        plugins: [new SameOriginPlugin()],
      }
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/webpack'

      export default defineConfig({
        routes: {
          '/api': { target: 'http://localhost:3000', secure: false, rewrite: '/v2/:path*' },
          '/status': 'http://localhost:3001',
        },
      })
      "
    `)
  })

  it('extends an existing sameorigin.config.ts after its routes, and keeps entries it already has differently', () => {
    const { sameorigin, plan } = initConfig(
      'webpack',
      'webpack.config.js',
      `module.exports = {
  devServer: {
    proxy: [
      { context: ['/api'], target: 'http://localhost:3000' },
      { context: ['/legacy'], target: 'http://localhost:3001' },
    ],
  },
}
`,
      {
        'sameorigin.config.ts': `import { defineConfig } from '@sameorigin/core'

export default defineConfig({
  routes: {
    '/api': '\${API_TARGET:-http://127.0.0.1:8080}',
  },
})
`,
      },
    )
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/core'

      export default defineConfig({
        routes: {
          '/api': '\${API_TARGET:-http://127.0.0.1:8080}',
          '/legacy': 'http://localhost:3001',
        },
      })
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: 'devServer.proxy[0]',
        reason: "sameorigin.config already has the route '/api' ('${API_TARGET:-http://127.0.0.1:8080}')",
      },
    ])
  })
})

describe('rspack config styles', () => {
  it('defineConfig from @rspack/cli, ESM', () => {
    const { config, sameorigin } = initConfig(
      'rspack',
      'rspack.config.mjs',
      `import { defineConfig } from '@rspack/cli'

export default defineConfig({
  entry: { main: './src/index.js' },
  devServer: { proxy: [{ context: ['/api'], target: 'http://localhost:3000', changeOrigin: true }] },
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { defineConfig } from '@rspack/cli'
      import { SameOriginPlugin } from '@sameorigin/webpack'

      export default defineConfig({
        entry: { main: './src/index.js' },
        plugins: [new SameOriginPlugin()],
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/webpack'

      export default defineConfig({
        routes: {
          '/api': 'http://localhost:3000',
        },
      })
      "
    `)
  })
})
