// `sameorigin init` on Next configs: the export wrapped in `withSameOrigin(...)` (the README's way),
// `rewrites()` to a backend moved to sameorigin.config.ts, in next.config.{js,mjs,ts}.
import { describe, expect, it } from 'vitest'
import { initConfig } from './_project.ts'

describe('next config styles', () => {
  it('next.config.ts: const nextConfig: NextConfig = { ... } with async rewrites()', () => {
    const { config, sameorigin, plan } = initConfig(
      'next',
      'next.config.ts',
      `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  async rewrites() {
    return [
      {
        source: "/api/:path*",
        destination: "http://localhost:8080/api/:path*",
      },
      {
        source: "/backend/:path*",
        destination: \`\${process.env.BACKEND_URL}/:path*\`,
      },
      {
        source: "/docs",
        destination: "/documentation",
      },
    ];
  },
};

export default nextConfig;
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import type { NextConfig } from "next";
      import { withSameOrigin } from "@sameorigin/next";

      const nextConfig: NextConfig = {
        reactStrictMode: true,
        async rewrites() {
          return [
            {
              source: "/docs",
              destination: "/documentation",
            },
          ];
        },
      };

      export default withSameOrigin(nextConfig, { mode: "route" });
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from "@sameorigin/next";

      export default defineConfig({
        routes: {
          "/api": "http://localhost:8080",
          "/backend": { target: "\${BACKEND_URL}", rewrite: "/:path*" },
        },
      });
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: 'rewrites()[2]',
        reason: 'it rewrites to a path of this app (/documentation), not to a backend',
      },
    ])
  })

  it('next.config.js (CommonJS), every rewrite moved: rewrites() goes away', () => {
    const { config, sameorigin } = initConfig(
      'next',
      'next.config.js',
      `/** @type {import('next').NextConfig} */
const nextConfig = {
  rewrites: async () => [{ source: '/api/:path*', destination: 'https://staging.example.com/v1/:path*' }],
}

module.exports = nextConfig
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "const { withSameOrigin } = require('@sameorigin/next')

      /** @type {import('next').NextConfig} */
      const nextConfig = {}

      module.exports = withSameOrigin(nextConfig, { mode: 'route' })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/next'

      export default defineConfig({
        routes: {
          '/api': 'https://staging.example.com/v1',
        },
      })
      "
    `)
  })

  it('next.config.mjs with { beforeFiles, afterFiles, fallback } and header conditions', () => {
    const { config, sameorigin, plan } = initConfig(
      'next',
      'next.config.mjs',
      `export default {
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: '/api/:path*',
          has: [{ type: 'header', key: 'x-use-backend', value: 'yes' }],
          missing: [{ type: 'header', key: 'x-skip' }],
          destination: 'http://localhost:8080/api/:path*',
        },
      ],
      afterFiles: [{ source: '/users/:id', destination: 'http://localhost:8080/people/:id' }],
      fallback: [{ source: '/:path*', destination: 'http://localhost:3001/:path*' }],
    }
  },
}
`,
      { 'app/page.tsx': 'export default function Page() { return null }\n' },
    )
    expect(config).toMatchInlineSnapshot(`
      "import { withSameOrigin } from '@sameorigin/next'

      export default withSameOrigin({
        async rewrites() {
          return {
            fallback: [{ source: '/:path*', destination: 'http://localhost:3001/:path*' }],
          }
        },
      })
      "
    `)
    expect(sameorigin).toMatchInlineSnapshot(`
      "import { defineConfig } from '@sameorigin/next'

      export default defineConfig({
        routes: {
          '/api': {
            target: 'http://localhost:8080',
            matchHeaders: { 'x-use-backend': 'yes', 'x-skip': false },
          },
          '/users/:id': { target: 'http://localhost:8080', rewrite: '/people/:id' },
        },
      })
      "
    `)
    expect(plan.kept).toEqual([
      {
        from: 'rewrites().fallback[0]',
        reason:
          "Next tries fallback rewrites after the app's own app/ folder, and sameorigin's routes come first: it would take those paths",
      },
    ])
  })

  it('a function config (phase) => ({ ... }) is wrapped whole', () => {
    const { config } = initConfig(
      'next',
      'next.config.mjs',
      `export default (phase) => ({
  distDir: phase === 'phase-production-build' ? 'build' : '.next',
})
`,
    )
    expect(config).toMatchInlineSnapshot(`
      "import { withSameOrigin } from '@sameorigin/next'

      export default withSameOrigin((phase) => ({
        distDir: phase === 'phase-production-build' ? 'build' : '.next',
      }))
      "
    `)
  })
})
